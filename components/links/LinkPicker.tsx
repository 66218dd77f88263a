"use client";

/**
 * "Link to…": a searchable list of the workspace's annotations (and map nodes, when given),
 * a relation and an optional note. It does not write: `onCreate` does (usually
 * `createLink` of lib/collab/model), and a rejected promise's `message` (an error key such as
 * `link_duplicate`) is shown under the form.
 */
import { useId, useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { RELATION_COLOURS, RELATIONS, type Relation } from "@/lib/core/argument/relations";
import styles from "./links.module.css";

export interface PickerCandidate {
  id: string;
  kind: "annotation" | "node";
  /** The annotation's document (absent for map nodes). */
  documentId?: string;
  /** Shown as the badge: the document title, or "Claim"/"Question". */
  documentTitle: string;
  text: string;
}

export interface LinkPickerProps {
  candidates: readonly PickerCandidate[];
  /** The link's source: left out of the list (no self-links). */
  excludeId?: string;
  initialRelation?: Relation;
  onCreate: (input: { to: PickerCandidate; relation: Relation; note: string }) => void | Promise<void>;
  onCancel?: () => void;
  /** At most this many results are listed (the search narrows further). */
  limit?: number;
}

const KNOWN_ERRORS = ["link_to_itself", "link_duplicate", "link_endpoint_missing"] as const;

/** Case- and width-insensitive matching (NFKC folds full-width Latin and half-width kana). */
const fold = (s: string) => s.normalize("NFKC").toLowerCase();

export function LinkPicker({ candidates, excludeId, initialRelation = "supports", onCreate, onCancel, limit = 50 }: LinkPickerProps) {
  const t = useTranslations("argument");
  const id = useId();
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<string | null>(null);
  const [relation, setRelation] = useState<Relation>(initialRelation);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const results = useMemo(() => {
    const q = fold(query.trim());
    const pool = candidates.filter((c) => c.id !== excludeId);
    const hits = q ? pool.filter((c) => fold(c.text).includes(q) || fold(c.documentTitle).includes(q)) : pool;
    return hits.slice(0, limit);
  }, [candidates, excludeId, query, limit]);

  const target = candidates.find((c) => c.id === chosen) ?? null;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      await onCreate({ to: target, relation, note });
      setChosen(null);
      setNote("");
    } catch (err) {
      const key = err instanceof Error ? err.message : "";
      setError((KNOWN_ERRORS as readonly string[]).includes(key) ? key : "generic");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={styles.picker} onSubmit={submit} data-testid="link-picker" aria-label={t("picker.title")}>
      <label htmlFor={`${id}-q`} className={styles.label}>
        {t("picker.search")}
      </label>
      <input id={`${id}-q`} type="search" value={query} placeholder={t("picker.placeholder")} onChange={(e) => setQuery(e.target.value)} data-testid="link-picker-search" autoComplete="off" />
      <ul className={styles.results} role="listbox" aria-label={t("picker.search")}>
        {results.length === 0 && <li className={styles.none}>{t("picker.noResults")}</li>}
        {results.map((c) => (
          <li key={c.id} role="option" aria-selected={c.id === chosen}>
            <button type="button" className={c.id === chosen ? styles.chosen : undefined} onClick={() => setChosen(c.id)} data-testid="link-picker-option" data-annotation-id={c.id}>
              <span className={styles.doc}>{c.documentTitle}</span>
              <span className={styles.quote}>{c.text}</span>
            </button>
          </li>
        ))}
      </ul>
      <label htmlFor={`${id}-rel`} className={styles.label}>
        {t("picker.relation")}
      </label>
      <select id={`${id}-rel`} value={relation} onChange={(e) => setRelation(e.target.value as Relation)} data-testid="link-picker-relation" style={{ borderLeft: `6px solid ${RELATION_COLOURS[relation]}` }}>
        {RELATIONS.map((r) => (
          <option key={r} value={r}>
            {t(`relations.${r}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-note`} className={styles.label}>
        {t("picker.note")}
      </label>
      <textarea id={`${id}-note`} value={note} rows={2} maxLength={1200} onChange={(e) => setNote(e.target.value)} data-testid="link-picker-note" />
      {error && (
        <p className="alert error" role="alert">
          {t(`errors.${error}`)}
        </p>
      )}
      <div className="row">
        <button type="submit" className="btn primary" disabled={!target || busy} data-testid="link-picker-create">
          {t("picker.create")}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t("picker.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
