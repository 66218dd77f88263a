"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import type { ThemeEntry } from "@/lib/core/collab";
import { duplicateNameGroups, nextThemeColour, orderAt, subtreeIds, type AnalysisDocument } from "@/lib/core/themes";
import type { ActionResult } from "@/lib/core/action-result";
import { errorKey } from "@/lib/collab/client";
import { useConnectionStatus, useDocumentDocs, useWorkspaceCommands, useWorkspaceSession } from "@/lib/collab/client/react";
import type { DeletedTheme, WorkspaceCommands, WorkspaceThemes } from "@/lib/collab/client";
import { useWorkspaceThemes } from "@/lib/collab/client/react";
import { useWorkspaceAnnotations } from "@/lib/collab/client/react";
import { useThemeErrorText } from "./use-theme-text";
import { LiveStatus } from "./LiveStatus";
import styles from "./themes.module.css";

export interface ThemeManagerProps {
  workspaceId: string;
  slug: string;
  documents: AnalysisDocument[];
  canManage: boolean;
  collab: { url: string; token: string };
  user: { id: string; name: string };
  merge: (input: { workspaceId: string; sourceId: string; targetId: string }) => Promise<ActionResult<{ retagged: number; documents: number }>>;
}

type Toast = { text: string; undo?: DeletedTheme } | null;

/** The theme management page: the shared taxonomy, edited live by everyone. */
export function ThemeManager(props: ThemeManagerProps) {
  const t = useTranslations("themes.manage");
  const errorText = useThemeErrorText();
  const live = useWorkspaceSession(props.collab, props.workspaceId, props.user);
  const session = live.session;
  const status = useConnectionStatus(live);
  const commands = useWorkspaceCommands(session);
  const themes = useWorkspaceThemes(commands?.meta);
  const docs = useDocumentDocs(session, props.documents.map((d) => d.id));
  const { annotations } = useWorkspaceAnnotations(docs);
  const [error, setError] = useState<string | null>(null);
  const [toast, setToast] = useState<Toast>(null);

  const usage = useMemo(() => {
    const out = new Map<string, number>();
    for (const a of annotations) {
      const seen = new Set<string>();
      for (const id of a.themeIds) {
        const r = themes.resolve(id)?.id;
        if (!r || seen.has(r)) continue;
        seen.add(r);
        out.set(r, (out.get(r) ?? 0) + 1);
      }
    }
    return out;
  }, [annotations, themes]);

  const run = (fn: () => void): boolean => {
    try {
      fn();
      setError(null);
      return true;
    } catch (e) {
      setError(errorKey(e));
      return false;
    }
  };
  const duplicates = duplicateNameGroups(themes.live);
  const editable = props.canManage && commands !== null;

  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <p className="muted" style={{ margin: 0 }}>{props.canManage ? t("intro") : t("readOnly")}</p>
        <span className="row">
          <LiveStatus status={status} />
          <Link href={`/w/${encodeURIComponent(props.slug)}/matrix`} data-testid="open-matrix">{t("openMatrix")}</Link>
        </span>
      </div>
      {editable && <CreateTheme commands={commands} themes={themes} run={run} />}
      {error && <p className="alert error" role="alert" data-testid="theme-error">{errorText(error)}</p>}
      {duplicates.length > 0 && (
        <p className="alert error" role="status" data-testid="theme-duplicates">{t("duplicates", { names: duplicates.map((g) => g.map((x) => `「${x.name}」`).join(" = ")).join(", ") })}</p>
      )}
      {themes.ready && themes.live.length === 0 ? (
        <p className="muted" data-testid="themes-empty">{t("empty")}</p>
      ) : (
        <ul className={styles.tree} data-testid="theme-list">
          {themes.rows.map((row) => (
            <ThemeRow
              key={row.theme.id}
              theme={row.theme}
              depth={row.depth}
              themes={themes}
              usage={usage.get(row.theme.id) ?? 0}
              commands={editable ? commands : null}
              run={run}
              onDeleted={(d) => setToast({ text: t("deleted", { name: row.theme.name }), undo: d })}
              onMerge={async (targetId) => {
                const target = themes.byId.get(targetId);
                const res = await props.merge({ workspaceId: props.workspaceId, sourceId: row.theme.id, targetId });
                if (!res.ok) setError(res.error.message);
                else setToast({ text: t("merged", { source: row.theme.name, target: target?.name ?? "", count: res.data.retagged }) });
              }}
            />
          ))}
        </ul>
      )}
      {toast && (
        <div className={styles.toast} role="status" data-testid="theme-toast">
          <span>{toast.text}</span>
          {toast.undo && commands && (
            <button
              type="button"
              data-testid="theme-undo"
              onClick={() => {
                const d = toast.undo!;
                if (run(() => commands.restoreTheme(d))) setToast({ text: t("restored", { name: themes.byId.get(d.id)?.name ?? "" }) });
              }}
            >
              {t("undo")}
            </button>
          )}
          <button type="button" aria-label="×" onClick={() => setToast(null)}>×</button>
        </div>
      )}
    </div>
  );
}

function CreateTheme({ commands, themes, run }: { commands: WorkspaceCommands; themes: WorkspaceThemes; run: (fn: () => void) => boolean }) {
  const t = useTranslations("themes.manage");
  const [name, setName] = useState("");
  const [parentId, setParentId] = useState("");
  const [colour, setColour] = useState<string | null>(null);
  const [description, setDescription] = useState("");
  const shownColour = colour ?? nextThemeColour(themes.live.map((x) => x.colour));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const ok = run(() => void commands.upsertTheme({ name, colour: shownColour, description, parentId: parentId || null }));
    if (ok) {
      setName("");
      setDescription("");
      setColour(null);
    }
  };
  return (
    <form className={`card ${styles.toolbar}`} onSubmit={submit} data-testid="theme-create-form">
      <label>
        {t("name")}
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={160} required data-testid="theme-name" />
      </label>
      <label>
        {t("colour")}
        <input type="color" className={styles.colourInput} value={shownColour} onChange={(e) => setColour(e.target.value)} />
      </label>
      <label>
        {t("parent")}
        <ParentSelect themes={themes} value={parentId} onChange={setParentId} />
      </label>
      <label style={{ flex: "1 1 14rem" }}>
        {t("description")}
        <input name="description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={1000} />
      </label>
      <button type="submit" className="btn primary" data-testid="theme-add">{t("create")}</button>
    </form>
  );
}

function ParentSelect({ themes, value, onChange, exclude }: { themes: WorkspaceThemes; value: string; onChange: (v: string) => void; exclude?: ReadonlySet<string> }) {
  const t = useTranslations("themes.manage");
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={t("parent")} data-testid="theme-parent">
      <option value="">{t("noParent")}</option>
      {themes.rows.filter((r) => !exclude?.has(r.theme.id)).map((r) => (
        <option key={r.theme.id} value={r.theme.id}>{"\u3000".repeat(r.depth) + r.theme.name}</option>
      ))}
    </select>
  );
}

interface RowProps {
  theme: ThemeEntry;
  depth: number;
  themes: WorkspaceThemes;
  usage: number;
  commands: WorkspaceCommands | null;
  run: (fn: () => void) => boolean;
  onDeleted: (d: DeletedTheme) => void;
  onMerge: (targetId: string) => Promise<void>;
}

function ThemeRow({ theme, depth, themes, usage, commands, run, onDeleted, onMerge }: RowProps) {
  const t = useTranslations("themes.manage");
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(theme.name);
  const [description, setDescription] = useState(theme.description ?? "");
  const [confirm, setConfirm] = useState<"delete" | "merge" | null>(null);
  const [mergeTarget, setMergeTarget] = useState("");
  const [busy, setBusy] = useState(false);
  const save = (patch: Partial<{ name: string; colour: string; description: string }>) =>
    commands !== null && run(() => void commands.upsertTheme({ id: theme.id, name: theme.name, colour: theme.colour, description: theme.description ?? "", ...patch }));
  const siblings = themes.live.filter((x) => x.parentId === theme.parentId && x.id !== theme.id);
  const index = themes.rows.filter((r) => r.theme.parentId === theme.parentId).findIndex((r) => r.theme.id === theme.id);
  const move = (to: number) => commands && run(() => void commands.moveTheme(theme.id, { parentId: theme.parentId ?? null, order: orderAt(siblings, to) }));
  const below = subtreeIds(themes.live, theme.id);
  return (
    <li className={styles.treeRow} style={{ paddingInlineStart: `${0.7 + depth * 1.4}rem` }} data-testid="theme-row" data-theme-name={theme.name}>
      {commands ? (
        <input type="color" className={styles.colourInput} value={theme.colour} aria-label={t("colour")} onChange={(e) => save({ colour: e.target.value })} data-testid="theme-colour" />
      ) : (
        <span className={styles.swatch} style={{ background: theme.colour }} aria-hidden />
      )}
      {editing && commands ? (
        <form
          className="row"
          style={{ flex: "1 1 12rem" }}
          onSubmit={(e) => {
            e.preventDefault();
            if (save({ name, description })) setEditing(false);
          }}
        >
          <input value={name} onChange={(e) => setName(e.target.value)} aria-label={t("name")} maxLength={160} autoFocus data-testid="theme-rename-input" />
          <input value={description} onChange={(e) => setDescription(e.target.value)} aria-label={t("description")} placeholder={t("description")} maxLength={1000} style={{ flex: 1 }} />
          <button type="submit" className="btn small" data-testid="theme-rename-save">{t("save")}</button>
          <button type="button" className="btn link" onClick={() => setEditing(false)}>{t("cancel")}</button>
        </form>
      ) : (
        <span className={styles.treeName} data-testid="theme-name-label">{theme.name}</span>
      )}
      <span className="badge" data-testid="theme-usage" data-count={usage}>{t("usage", { count: usage })}</span>
      {commands && !editing && (
        <span className="row" style={{ gap: "0.3rem" }}>
          <button type="button" className={styles.iconBtn} onClick={() => (setName(theme.name), setDescription(theme.description ?? ""), setEditing(true))} data-testid="theme-rename">{t("rename")}</button>
          <button type="button" className={styles.iconBtn} aria-label={t("up")} title={t("up")} disabled={index <= 0} onClick={() => move(index - 1)}>↑</button>
          <button type="button" className={styles.iconBtn} aria-label={t("down")} title={t("down")} disabled={index >= siblings.length} onClick={() => move(index + 1)}>↓</button>
          <ParentSelect themes={themes} value={theme.parentId ?? ""} exclude={below} onChange={(v) => run(() => void commands.moveTheme(theme.id, { parentId: v || null }))} />
          <button type="button" className={styles.iconBtn} onClick={() => setConfirm("merge")} data-testid="theme-merge">{t("merge")}</button>
          <button type="button" className={styles.iconBtn} onClick={() => setConfirm("delete")} data-testid="theme-delete">{t("delete")}</button>
        </span>
      )}
      {theme.description && !editing && <p className={`${styles.treeDesc} muted small`}>{theme.description}</p>}
      {commands && confirm === "delete" && (
        <span className="row small" style={{ flexBasis: "100%" }} role="alertdialog">
          <span>{t("deleteConfirm", { name: theme.name, count: usage })}</span>
          <button type="button" className="btn danger small" data-testid="theme-delete-confirm" onClick={() => {
            let d: DeletedTheme | undefined;
            if (run(() => (d = commands.deleteTheme(theme.id))) && d) onDeleted(d);
            setConfirm(null);
          }}>{t("delete")}</button>
          <button type="button" className="btn link" onClick={() => setConfirm(null)}>{t("cancel")}</button>
        </span>
      )}
      {commands && confirm === "merge" && (
        <span className="row small" style={{ flexBasis: "100%" }} role="alertdialog">
          <select value={mergeTarget} onChange={(e) => setMergeTarget(e.target.value)} aria-label={t("mergeInto")} data-testid="theme-merge-target">
            <option value="">{t("mergeInto")}</option>
            {themes.rows.filter((r) => r.theme.id !== theme.id).map((r) => (
              <option key={r.theme.id} value={r.theme.id}>{"\u3000".repeat(r.depth) + r.theme.name}</option>
            ))}
          </select>
          {mergeTarget && <span>{t("mergeConfirm", { source: theme.name, target: themes.byId.get(mergeTarget)?.name ?? "", count: usage })}</span>}
          <button type="button" className="btn primary small" disabled={!mergeTarget || busy} data-testid="theme-merge-confirm" onClick={async () => {
            setBusy(true);
            await onMerge(mergeTarget);
            setBusy(false);
            setConfirm(null);
          }}>{t("merge")}</button>
          <button type="button" className="btn link" onClick={() => setConfirm(null)}>{t("cancel")}</button>
        </span>
      )}
    </li>
  );
}
