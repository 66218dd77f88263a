"use client";

/**
 * The links of one annotation (or map node), as chips on its card: outgoing ("supports X")
 * and incoming ("Y opposes this"), coloured by relation. Clicking a chip calls `onOpen` with
 * the other end — the compare view scrolls to it or opens its document in a pane.
 */
import { useTranslations } from "next-intl";
import type { ArgumentLink, LinkEndpoint } from "@/lib/core/argument/link-schema";
import { RELATION_COLOURS } from "@/lib/core/argument/relations";
import styles from "./links.module.css";

export interface LinkChipsProps {
  /** The annotation (or map node) whose card this is. */
  endpointId: string;
  /** Live links of the workspace (all, or already those touching `endpointId`). */
  links: readonly ArgumentLink[];
  /** A short label for the other end (quote or claim); `missing` when it no longer exists. */
  describe: (end: LinkEndpoint) => { label: string; missing?: boolean };
  onOpen: (end: LinkEndpoint, link: ArgumentLink) => void;
  /** Shown as × on each chip when given (the user may manage links). */
  onRemove?: (linkId: string) => void;
}

const short = (s: string) => (s.length > 28 ? `${s.slice(0, 27)}…` : s);

export function LinkChips({ endpointId, links, describe, onOpen, onRemove }: LinkChipsProps) {
  const t = useTranslations("argument");
  const mine = links.filter((l) => !l.deleted && (l.from.id === endpointId || l.to.id === endpointId));
  if (mine.length === 0) return null;
  return (
    <ul className={styles.chips} aria-label={t("chips.title")} data-testid="link-chips">
      {mine.map((l) => {
        const outgoing = l.from.id === endpointId;
        const other = outgoing ? l.to : l.from;
        const d = describe(other);
        const name = d.missing ? t("chips.missing") : short(d.label);
        const relation = t(`relations.${l.kind}`);
        const text = outgoing ? t("chips.outgoing", { relation, target: name }) : t("chips.incoming", { relation, source: name });
        return (
          <li key={l.id} className={styles.chip} style={{ borderColor: RELATION_COLOURS[l.kind] }} data-relation={l.kind} data-link-id={l.id} data-testid="link-chip">
            <button type="button" onClick={() => onOpen(other, l)} disabled={d.missing} title={l.note ? `${t("chips.open")} — ${l.note}` : t("chips.open")}>
              <span className={styles.swatch} style={{ background: RELATION_COLOURS[l.kind] }} aria-hidden="true" />
              {text}
            </button>
            {onRemove && (
              <button type="button" className={styles.remove} onClick={() => onRemove(l.id)} aria-label={t("chips.remove")} title={t("chips.remove")}>
                ×
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
