"use client";

/**
 * Linking by dragging (issue #7): from a highlight (Alt+drag) or from the link handle on an
 * annotation card, a rubber-band line follows the pointer; dropping it on another highlight, in
 * any pane, opens a small relation chooser that writes the link with createLink. Escape cancels
 * at any point. Highlights are painted ranges, not elements, so the drop target is found by the
 * same hit test as a click on a highlight (annotationsAtPoint). A click on the handle without
 * dragging arms the same mode: the line then follows the pointer until a highlight is clicked.
 */
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { WorkspaceCommands } from "@/lib/collab/client";
import { RELATION_COLOURS, RELATIONS, type Relation } from "@/lib/core/argument/relations";
import type { EndpointCatalog } from "@/lib/core/argument/validate-link";
import type { PaneHandle } from "./pane-handle";
import { annotationsAtPoint } from "@/lib/collab/client/dom";
import s from "./link-drag.module.css";

export interface DragEnd {
  documentId: string;
  annotationId: string;
}

type Phase =
  | { kind: "idle" }
  | { kind: "dragging"; from: DragEnd; x0: number; y0: number; x: number; y: number; over: DragEnd | null; armed: boolean }
  | { kind: "choosing"; from: DragEnd; to: DragEnd; x: number; y: number };

const KNOWN = ["link_to_itself", "link_duplicate", "link_endpoint_missing"] as const;
const MOVE_THRESHOLD = 4;

/** The annotation under a client point in any pane, innermost first. */
function hit(panes: readonly PaneHandle[], x: number, y: number): DragEnd | null {
  const el = document.elementFromPoint(x, y);
  const pane = el ? panes.find((p) => p.article.contains(el)) : undefined;
  if (!pane) return null;
  const id = annotationsAtPoint(pane, x, y)[0];
  return id ? { documentId: pane.data.document.id, annotationId: id } : null;
}

/** The centre of an annotation's first painted line, in client coordinates, or null when not painted. */
function anchorPoint(panes: readonly PaneHandle[], end: DragEnd): { x: number; y: number } | null {
  const pane = panes.find((p) => p.data.document.id === end.documentId);
  const item = pane?.store?.get(end.annotationId);
  if (!pane?.painter || !item || item.start === null || item.end === null) return null;
  const r = pane.painter.builder.ranges(item.start, item.end)[0];
  if (!r) return null;
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  const box = live.getClientRects()[0] ?? live.getBoundingClientRect();
  const view = pane.scroller.getBoundingClientRect();
  if (box.bottom < view.top || box.top > view.bottom) return null;
  return { x: box.left + Math.min(box.width, 24) / 2, y: box.top + box.height / 2 };
}

export interface LinkDrag {
  /** Alt+pointer down on a highlight of the panes starts a drag (bind on the panes container). */
  onPanesPointerDown(e: React.PointerEvent): void;
  /** Pointer down on a card's link handle starts a drag from that annotation. */
  startFrom(from: DragEnd, e: React.PointerEvent | React.KeyboardEvent | React.MouseEvent): void;
  /** True once after a pointer gesture that this feature used: the click that follows is not a focus click. */
  consumeClick(): boolean;
  phase: Phase;
  cancel(): void;
}

export function useLinkDrag(panes: readonly PaneHandle[], enabled: boolean, onRefused: () => void): LinkDrag {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const swallow = useRef(false);
  const panesRef = useRef(panes);
  useEffect(() => {
    panesRef.current = panes;
  }, [panes]);
  const cancel = useCallback(() => setPhase({ kind: "idle" }), []);

  const begin = useCallback((from: DragEnd, x: number, y: number, armed: boolean) => {
    const p = anchorPoint(panesRef.current, from) ?? { x, y };
    setPhase({ kind: "dragging", from, x0: p.x, y0: p.y, x, y, over: null, armed });
  }, []);

  const onPanesPointerDown = (e: React.PointerEvent) => {
    if (phase.kind !== "idle") return;
    // A drop that ended outside the panes left no click to swallow: start afresh.
    swallow.current = false;
    if (!e.altKey || e.button !== 0) return;
    const target = hit(panes, e.clientX, e.clientY);
    if (!target) return;
    e.preventDefault();
    swallow.current = true;
    if (!enabled) return onRefused();
    begin(target, e.clientX, e.clientY, false);
  };

  const startFrom: LinkDrag["startFrom"] = (from, e) => {
    if (!enabled) return onRefused();
    e.preventDefault();
    const pt = "clientX" in e && (e.clientX || e.clientY) ? { x: e.clientX, y: e.clientY } : null;
    const a = anchorPoint(panes, from);
    const at = pt ?? a ?? { x: window.innerWidth / 2, y: window.innerHeight / 2 };
    // From the keyboard (or a click without movement) the mode is armed: click a highlight to finish.
    begin(from, at.x, at.y, !("pointerType" in e));
  };

  const dragging = phase.kind === "dragging";
  useEffect(() => {
    if (!dragging) return;
    let frame = 0;
    let last = { x: 0, y: 0 };
    const move = (e: PointerEvent) => {
      last = { x: e.clientX, y: e.clientY };
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const over = hit(panesRef.current, last.x, last.y);
        setPhase((p) => (p.kind === "dragging" ? { ...p, x: last.x, y: last.y, over } : p));
      });
    };
    const up = (e: PointerEvent) => {
      setPhase((p) => {
        if (p.kind !== "dragging") return p;
        const to = hit(panesRef.current, e.clientX, e.clientY);
        const moved = Math.hypot(e.clientX - p.x0, e.clientY - p.y0) > MOVE_THRESHOLD;
        if (to && !moved && to.annotationId === p.from.annotationId) return { ...p, armed: true };
        if (to) {
          swallow.current = true;
          return { kind: "choosing", from: p.from, to, x: e.clientX, y: e.clientY };
        }
        // Released on the handle itself, or without a target while armed: keep following the pointer.
        if (!p.armed && !moved) return { ...p, armed: true };
        if (p.armed && !moved) return p;
        if (!p.armed) return { kind: "idle" };
        // Armed, a click somewhere that is not a highlight: cancel (and let the click do what it does).
        return { kind: "idle" };
      });
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        setPhase({ kind: "idle" });
      }
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
    window.addEventListener("keydown", key, true);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      window.removeEventListener("keydown", key, true);
    };
  }, [dragging]);

  const consumeClick = () => {
    const was = swallow.current;
    swallow.current = false;
    return was;
  };

  return { onPanesPointerDown, startFrom, consumeClick, phase, cancel };
}

interface LayerProps {
  drag: LinkDrag;
  panes: readonly PaneHandle[];
  commands: WorkspaceCommands | null;
  catalog(): EndpointCatalog;
  onCreated(): void;
}

/** The rubber band while dragging, and the relation chooser once dropped. */
export function LinkDragLayer({ drag, panes, commands, catalog, onCreated }: LayerProps) {
  const t = useTranslations("compare.linkDrag");
  const ta = useTranslations("argument");
  const { phase } = drag;
  if (phase.kind === "dragging") {
    const colour = phase.over && phase.over.annotationId !== phase.from.annotationId ? RELATION_COLOURS.supports : "#5d6470";
    return (
      <>
        <svg className={s.overlay} aria-hidden="true" data-testid="link-drag-band">
          <line className={s.band} x1={phase.x0} y1={phase.y0} x2={phase.x} y2={phase.y} stroke={colour} />
          <circle className={s.end} cx={phase.x0} cy={phase.y0} r={5} fill={colour} />
          <circle className={s.end} cx={phase.x} cy={phase.y} r={phase.over ? 7 : 4} fill={colour} />
        </svg>
        <p className={s.hint} style={{ left: phase.x + 14, top: phase.y + 14 }} role="status">
          {phase.over ? (phase.over.annotationId === phase.from.annotationId ? ta("errors.link_to_itself") : t("drop")) : t("dragging")}
        </p>
      </>
    );
  }
  if (phase.kind !== "choosing" || !commands) return null;
  return (
    <RelationChooser
      key={`${phase.from.annotationId}>${phase.to.annotationId}`}
      at={{ x: phase.x, y: phase.y }}
      quote={(end) => panes.find((p) => p.data.document.id === end.documentId)?.store?.get(end.annotationId)?.entry.anchor.exact ?? ""}
      from={phase.from}
      to={phase.to}
      onCancel={drag.cancel}
      onCreate={(relation, note) => {
        commands.link(
          {
            from: { kind: "annotation", id: phase.from.annotationId, documentId: phase.from.documentId },
            to: { kind: "annotation", id: phase.to.annotationId, documentId: phase.to.documentId },
            relation,
            note,
          },
          catalog(),
        );
        drag.cancel();
        onCreated();
      }}
      t={t}
      ta={ta}
    />
  );
}

interface ChooserProps {
  at: { x: number; y: number };
  from: DragEnd;
  to: DragEnd;
  quote(end: DragEnd): string;
  onCreate(relation: Relation, note: string): void;
  onCancel(): void;
  t: ReturnType<typeof useTranslations<"compare.linkDrag">>;
  ta: ReturnType<typeof useTranslations<"argument">>;
}

function RelationChooser({ at, from, to, quote, onCreate, onCancel, t, ta }: ChooserProps) {
  const id = useId();
  const [relation, setRelation] = useState<Relation>("supports");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLFormElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLInputElement>("input[type=radio]:checked")?.focus();
    const key = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        onCancel();
      }
    };
    window.addEventListener("keydown", key);
    return () => window.removeEventListener("keydown", key);
  }, [onCancel]);
  const left = Math.max(8, Math.min(at.x + 8, (typeof window !== "undefined" ? window.innerWidth : 1024) - 330));
  const top = Math.max(8, Math.min(at.y + 8, (typeof window !== "undefined" ? window.innerHeight : 768) - 360));
  const short = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    try {
      onCreate(relation, note);
    } catch (err) {
      const k = err instanceof Error ? err.message : "";
      setError((KNOWN as readonly string[]).includes(k) ? k : "generic");
    }
  };
  return (
    <form ref={box} className={s.chooser} style={{ left, top }} role="dialog" aria-label={t("title")} data-testid="link-drag-chooser" onSubmit={submit}>
      <p className={s.quote} title={quote(from)}>{t("from", { quote: short(quote(from)) })}</p>
      <p className={s.quote} title={quote(to)}>{t("to", { quote: short(quote(to)) })}</p>
      <fieldset>
        <legend>{ta("picker.relation")}</legend>
        {RELATIONS.map((r) => (
          <label key={r} className={s.relation}>
            <input type="radio" name={`${id}-rel`} value={r} checked={relation === r} onChange={() => setRelation(r)} data-testid="link-drag-relation" data-relation={r} />
            <span className={s.swatch} style={{ background: RELATION_COLOURS[r] }} aria-hidden="true" />
            {ta(`relations.${r}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-note`} className="small">{ta("picker.note")}</label>
      <textarea id={`${id}-note`} rows={2} maxLength={1200} value={note} onChange={(e) => setNote(e.target.value)} data-testid="link-drag-note" />
      {error && <p className="alert error small" role="alert" data-testid="link-drag-error">{ta(`errors.${error}`)}</p>}
      <div className="row">
        <button type="submit" className="btn primary small" data-testid="link-drag-create">{ta("picker.create")}</button>
        <button type="button" className="btn small" onClick={onCancel}>{ta("picker.cancel")}</button>
      </div>
    </form>
  );
}
