"use client";

import { useMemo, useState, useSyncExternalStore } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { CollabActor } from "@/lib/core/collab";
import { LinkChips } from "@/components/links/LinkChips";
import { LinkPicker } from "@/components/links/LinkPicker";
import { ThemeChips } from "@/components/themes/ThemeChips";
import { ThemePicker } from "@/components/themes/ThemePicker";
import { HIGHLIGHT_COLOURS, quoteChange } from "@/lib/core/compare";
import dynamic from "next/dynamic";
import type { PaneHandle } from "./pane-handle";
import type { CardPicker, CardTools } from "./card-tools";
import { SimilarToggle } from "@/components/similar/SimilarToggle";
import { linkToText } from "@/components/similar/fetch-similar";
import { LinkHandle } from "./LinkHandle";
import { ReattachButton } from "./ReattachButton";
import { Replies } from "./Replies";
import { useErrorReason } from "./use-error-reason";
import s from "./compare.module.css";

interface Props {
  pane: PaneHandle;
  annotationId: string;
  actor: CollabActor;
  colour: string;
  canEdit: boolean;
  canReply: boolean;
  autoFocusNote: boolean;
  tools: CardTools;
  onClose(): void;
  onShow(): void;
}

/**
 * The card of one annotation: quote, author and time, colour, status, note (live rich text),
 * replies, delete, and undo/redo of the local user's changes. It stays open, and says so, when
 * someone else deletes the annotation meanwhile.
 */
export function AnnotationCard({ pane, annotationId, actor, colour, canEdit, canReply, autoFocusNote, tools, onClose, onShow }: Props) {
  const t = useTranslations("compare.card");
  const tc = useTranslations("compare.colours");
  const format = useFormatter();
  const reason = useErrorReason();
  const store = pane.store!;
  const commands = pane.commands!;
  useSyncExternalStore(store.subscribe, store.getVersion, store.getVersion);
  const undo = pane.undo;
  useSyncExternalStore(undo?.subscribe ?? noop, () => undo?.getVersion() ?? 0, () => 0);
  const item = store.get(annotationId);
  // Rendered with key={annotationId}: the error state starts fresh for each annotation.
  const [error, setError] = useState<string | null>(null);
  // The toolbar's # and ⇄ open a picker on the card of the annotation they just created.
  const [picker, setPicker] = useState<CardPicker | null>(() => (tools.request?.annotationId === annotationId ? tools.request.kind : null));
  const targets = useMemo(() => [commands.target([annotationId])], [commands, annotationId]);

  const shown = store.lastKnown(annotationId);
  if (!shown) return null;
  const entry = shown.entry;
  const gone = !item;
  const editable = canEdit && !gone;
  const otherNumber = pane.data.versionNumbers[entry.anchor.versionId];

  const run = (fn: () => void) => {
    try {
      fn();
      setError(null);
    } catch (e) {
      setError(reason(e));
    }
  };
  const remove = () => {
    if (!window.confirm(t("confirmDelete"))) return;
    try {
      commands.delete(annotationId);
    } catch {
      // Two people deleting at once: the other delete won; nothing is lost, say what happened.
      setError(t("alreadyDeleted"));
      return;
    }
    // Its links go with it, so no card or connector points at nothing (the projection also drops
    // links to deleted annotations, so a failure here loses nothing).
    try {
      tools.workspace?.unlinkAll(annotationId);
    } catch {
      /* see above */
    }
  };
  const note = commands.note(annotationId);

  return (
    <article className={s.card} data-testid="annotation-card" data-annotation={annotationId} aria-label={t("label")}>
      <div className={s.cardTop}>
        <span className={s.rowColour} style={{ background: entry.colour }} aria-hidden="true" />
        <p className={`${s.cardMeta} small muted`}>
          {t("by", { name: entry.author.name, time: format.dateTime(new Date(entry.createdAt), { dateStyle: "medium", timeStyle: "short" }) })}
        </p>
        {!gone && tools.startLinkDrag && <LinkHandle from={{ documentId: pane.data.document.id, annotationId }} start={tools.startLinkDrag} />}
        <button type="button" className={s.iconBtn} onClick={onClose} aria-label={t("close")} title={t("close")}>✕</button>
      </div>
      {gone && <p className="alert error small" role="status" data-testid="card-deleted">{t("deleted")}</p>}
      {shown.placement.status === "orphan" && (
        <p className="alert small" role="status" data-testid="card-orphan">
          {shown.placement.reason === "quote_mismatch" ? t("invalid") : otherNumber === undefined ? t("newer") : t("orphan", { number: otherNumber })}
          {editable && <ReattachButton pane={pane} onReattach={(range) => run(() => commands.reattach(annotationId, range))} onMissing={() => setError(t("reattachSelect"))} />}
        </p>
      )}
      {shown.placement.status === "moved" && (
        <p className="muted small" role="status">{otherNumber === undefined ? t("movedNewer") : t("moved", { number: otherNumber })}</p>
      )}
      {shown.placement.status === "searching" && (
        <p className="muted small" role="status" data-testid="card-searching">{t("searching")}</p>
      )}
      {shown.placement.status === "fuzzy" && (
        <FuzzyNotice
          notice={otherNumber === undefined ? t("fuzzyNewer") : t("fuzzy", { number: otherNumber })}
          quote={entry.anchor.exact}
          now={pane.data.version.text.slice(shown.placement.start, shown.placement.end)}
          labels={{ then: t("quoteThen"), now: t("quoteNow") }}
          lang={pane.data.document.language ?? undefined}
        />
      )}
      <blockquote className={s.quote} lang={pane.data.document.language ?? undefined} aria-label={t("quote")}>
        {entry.anchor.exact.length > 400 ? `${entry.anchor.exact.slice(0, 400)}…` : entry.anchor.exact}
      </blockquote>
      {shown.start !== null && !gone && (
        <button type="button" className="btn link small" onClick={onShow}>{t("show")}</button>
      )}

      <section className={s.cardSection} aria-label={t("themes")} data-testid="card-themes">
        <ThemeChips
          themes={tools.themes}
          themeIds={entry.themeIds}
          onRemove={
            editable && tools.canTag
              ? (ids) => run(() => void commands.tag([annotationId], { remove: ids }, tools.themes.live))
              : undefined
          }
        />
        {editable && tools.canTag && tools.workspace && picker !== "theme" && (
          <button type="button" className="btn link small" onClick={() => setPicker("theme")} data-testid="card-add-theme">+ {t("addTheme")}</button>
        )}
        {editable && tools.canTag && tools.workspace && picker === "theme" && (
          <ThemePicker
            commands={tools.workspace}
            targets={targets}
            canCreate={tools.canCreateTheme}
            canTag={tools.canTag}
            globalShortcuts
            autoFocus
            onDone={() => setPicker(null)}
          />
        )}
      </section>

      <section className={s.cardSection} aria-label={t("links")} data-testid="card-links">
        <LinkChips
          endpointId={annotationId}
          links={tools.links}
          describe={tools.describe}
          onOpen={(end) => tools.openEnd(end)}
          onRemove={tools.canLink && tools.workspace ? (linkId) => run(() => tools.workspace!.unlink(linkId)) : undefined}
        />
        {!gone && tools.canLink && tools.workspace && picker !== "link" && (
          <button type="button" className="btn link small" onClick={() => setPicker("link")} data-testid="card-add-link">+ {t("addLink")}</button>
        )}
        {!gone && tools.canLink && tools.workspace && picker === "link" && (
          <LinkPicker
            candidates={tools.candidates()}
            search={tools.searchCandidates}
            excludeId={annotationId}
            onCancel={() => setPicker(null)}
            onCreate={({ to, relation, note }) => {
              // A passage of text (#13): the server creates its annotation and the link in one step.
              if (to.kind === "text") return to.documentId && to.range ? linkToText(tools.workspaceId, { annotationId, documentId: pane.data.document.id }, { documentId: to.documentId, ...to.range }, relation, note).then(() => setPicker(null)) : undefined;
              tools.workspace!.link(
                {
                  from: { kind: "annotation", id: annotationId, documentId: pane.data.document.id },
                  to: { kind: to.kind, id: to.id, ...(to.documentId ? { documentId: to.documentId } : {}) },
                  relation,
                  note,
                },
                tools.catalog(),
              );
              setPicker(null);
            }}
          />
        )}
      </section>

      <h3 className={s.cardHeading}>{t("note")}</h3>
      {note && (editable || note.fragment.length > 0) ? (
        <NoteEditor
          key={annotationId}
          note={note}
          user={{ id: actor.id, name: actor.name, color: colour }}
          editable={editable}
          autoFocus={autoFocusNote}
          placeholder={t("notePlaceholder")}
          label={t("note")}
          labels={{ undo: t("noteUndo"), redo: t("noteRedo"), bold: t("bold"), italic: t("italic"), list: t("list") }}
        />
      ) : (
        <p className="muted small">{t("noteReadOnly")}</p>
      )}

      {editable && (
        <div className={s.cardActions}>
          <div className={s.colourFilter} role="group" aria-label={t("colour")}>
            {HIGHLIGHT_COLOURS.map((c) => (
              <button
                key={c.id}
                type="button"
                className={s.swatchSmall}
                style={{ background: c.hex }}
                aria-pressed={entry.colour.toLowerCase() === c.hex}
                aria-label={tc(c.id)}
                title={tc(c.id)}
                onClick={() => run(() => void commands.update(annotationId, { colour: c.hex }))}
              />
            ))}
          </div>
          <button
            type="button"
            className="btn small"
            data-testid="toggle-status"
            onClick={() => run(() => void commands.setStatus(annotationId, entry.status === "open" ? "resolved" : "open"))}
          >
            {entry.status === "open" ? t("resolve") : t("reopen")}
          </button>
          <button type="button" className="btn small" onClick={remove} data-testid="delete-annotation">{t("delete")}</button>
        </div>
      )}
      {!editable && <p className="small muted">{t("status")}: {entry.status === "open" ? t("open") : t("resolved")}</p>}
      {undo && (canEdit || canReply) && (
        <div className={s.cardActions}>
          <button type="button" className="btn small" disabled={!undo.canUndo()} onClick={() => undo.undo()} data-testid="undo" title={`${t("undo")} (Ctrl/⌘+Z)`}>↶ {t("undo")}</button>
          <button type="button" className="btn small" disabled={!undo.canRedo()} onClick={() => undo.redo()} data-testid="redo" title={`${t("redo")} (Shift+Ctrl/⌘+Z)`}>↷ {t("redo")}</button>
        </div>
      )}
      <SimilarToggle workspaceId={tools.workspaceId} range={{ documentId: pane.data.document.id, start: shown.start, end: shown.end }} linkFrom={tools.canLink && !gone ? { annotationId, documentId: pane.data.document.id } : undefined} />
      {error && <p className="alert error small" role="alert">{error}</p>}
      <Replies commands={commands} annotationId={annotationId} actor={actor} canReply={canReply && !gone} />
    </article>
  );
}

const noop = () => () => {};

// A strike or underline alone is hard to see on a kanji in small muted text: the changed part is tinted too.
const CHANGED_THEN = { background: "rgb(224 90 90 / 0.16)", color: "var(--text)", textDecorationColor: "rgb(190 60 60)" } as const;
const CHANGED_NOW = { background: "rgb(58 166 106 / 0.2)", color: "var(--text)", textDecoration: "none" } as const;

/**
 * An annotation re-found approximately: says so, and shows what changed between the quote as
 * annotated and the text now at its place (the part that differs, with a little around it).
 */
function FuzzyNotice({ notice, quote, now, labels, lang }: { notice: string; quote: string; now: string; labels: { then: string; now: string }; lang: string | undefined }) {
  const change = quoteChange(quote, now);
  return (
    <div className="muted small" role="status" data-testid="card-fuzzy">
      <p style={{ margin: 0 }}>{notice}</p>
      {/* Only whitespace may differ (a re-extracted PDF): nothing worth showing side by side then. */}
      {quote.replace(/\s+/g, "") !== now.replace(/\s+/g, "") && (
        <dl style={{ margin: "0.25rem 0 0", display: "grid", gridTemplateColumns: "auto 1fr", gap: "0.1rem 0.5rem" }} lang={lang}>
          <dt>{labels.then}</dt>
          <dd style={{ margin: 0 }} data-testid="card-fuzzy-then">{change.before.lead}<del style={CHANGED_THEN}>{change.before.changed}</del>{change.before.tail}</dd>
          <dt>{labels.now}</dt>
          <dd style={{ margin: 0 }} data-testid="card-fuzzy-now">{change.after.lead}<ins style={CHANGED_NOW}>{change.after.changed}</ins>{change.after.tail}</dd>
        </dl>
      )}
    </div>
  );
}

// Tiptap is loaded with the first card opened, not with the page: reading needs none of it.
const NoteEditor = dynamic(() => import("./NoteEditor").then((m) => m.NoteEditor), { ssr: false, loading: () => <div className={s.noteWrap} style={{ minHeight: "6rem" }} /> });
