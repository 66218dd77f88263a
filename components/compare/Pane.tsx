"use client";

import { memo, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { DocumentReader } from "@/components/reader/DocumentReader";
import type { ReaderNav } from "@/components/reader/reader-nav";
import { buildRows } from "@/lib/core/reader";
import { AnnotationStore, BROWSER_TIMING, DocumentCommands, documentUndo, uniqueUsers, type DocumentSession, type WorkspaceSession } from "@/lib/collab/client";
import { HighlightPainter, highlightsSupported, offsetAtTop } from "@/lib/collab/client/dom";
import { useAwareness } from "@/lib/collab/client/react";
import { Avatars } from "./Avatars";
import type { PaneHandle } from "./pane-handle";
import { RemoteSelections } from "./RemoteSelections";
import type { ComparePaneData } from "./types";
import s from "./compare.module.css";

interface Props {
  index: number;
  count: number;
  data: ComparePaneData;
  session: WorkspaceSession | null;
  initialOffset: number;
  active: boolean;
  onReady(documentId: string, handle: PaneHandle | null): void;
  onScroll(index: number): void;
  onMove(from: number, to: number): void;
  onClose(index: number): void;
  onActivate(index: number): void;
}

/** One document of the compare view: header, outline and text with its own scroll, highlights and presence. */
export function Pane({ index, count, data, session, initialOffset, active, onReady, onScroll, onMove, onClose, onActivate }: Props) {
  const t = useTranslations("compare");
  const scroller = useRef<HTMLDivElement>(null);
  const [docs, setDocs] = useState<DocumentSession | null>(null);
  const [store, setStore] = useState<AnnotationStore | null>(null);
  const [painter, setPainter] = useState<HighlightPainter | null>(null);
  const [painted, setPainted] = useState(false);
  const docId = data.document.id;
  const key = useMemo(() => `p-${docId}`, [docId]);
  // Rows and text units of the version: the reader renders them, the painter maps offsets over them.
  const model = useMemo(() => buildRows(data.version.text, data.version.blocks), [data.version]);
  const nav = useRef<ReaderNav>(null);
  const painterRef = useRef<HighlightPainter | null>(null);
  // A virtualised reader rendered other rows: what is painted on them follows.
  const onRendered = useCallback(() => painterRef.current?.sync(), []);

  // The painter needs the rendered text; it lives as long as the pane.
  useEffect(() => {
    const article = scroller.current?.querySelector<HTMLElement>("[data-testid=reader-text]");
    if (!article || !highlightsSupported()) return;
    const p = new HighlightPainter(article, key, model.units);
    painterRef.current = p;
    p.preview(data.preview.colours, data.preview.spans);
    // First highlights: the server's snapshot, painted right after hydration (read by scripts/bench/reader.ts).
    requestAnimationFrame(() => performance.mark("synoptic:painted", { detail: docId }));
    setPainter(p);
    return () => {
      painterRef.current = null;
      p.destroy();
    };
    // The snapshot is read once, at mount; the live doc takes over from it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  // The document's Y.Docs and the annotation store over them.
  useEffect(() => {
    if (!session) return;
    const d = session.open(docId, { presence: true });
    const st = new AnnotationStore(d.annotations.doc, data.version.text, data.version.id, Object.keys(data.versionNumbers), BROWSER_TIMING, data.placements);
    // Docs and store are external systems whose lifetime is this effect's.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setDocs(d);
    setStore(st);
    let alive = true;
    void d.loaded.then(() => {
      if (!alive) return;
      performance.mark("synoptic:loaded", { detail: docId });
      st.start();
      setPainted(true);
      // The frame after the live highlights are registered is the one that shows them.
      requestAnimationFrame(() => performance.mark("synoptic:live", { detail: docId }));
    });
    return () => {
      alive = false;
      st.destroy();
      d.destroy();
      setStore(null);
      setDocs(null);
      setPainted(false);
    };
  }, [session, docId, data.version.text, data.version.id, data.versionNumbers, data.placements]);

  useEffect(() => {
    store?.attach(painter);
  }, [store, painter]);

  const undo = useMemo(
    () => (docs ? documentUndo(docs) : null),
    [docs],
  );
  const commands = useMemo(() => (docs && session ? new DocumentCommands(docs, session.actor) : null), [docs, session]);
  useEffect(() => () => undo?.destroy(), [undo]);

  // Register with the view.
  useEffect(() => {
    const el = scroller.current;
    const article = el?.querySelector<HTMLElement>("[data-testid=reader-text]");
    if (!el || !article) return;
    const handle: PaneHandle = {
      data,
      article,
      scroller: el,
      painter,
      commands,
      store,
      undo,
      scrollTo(at, how) {
        // The passage may not be rendered yet (a long text): the reader brings its row in first.
        void (nav.current?.reveal(at) ?? Promise.resolve(null)).then((found) => {
          const target = painter?.builder.elementAt(at) ?? found ?? article.querySelector<HTMLElement>("[data-start]");
          if (!target) return;
          let top = target.getBoundingClientRect().top;
          if (how === "center" && painter) {
            const r = painter.builder.ranges(at, at + 1)[0];
            if (r) {
              const live = document.createRange();
              live.setStart(r.startContainer, r.startOffset);
              live.setEnd(r.endContainer, r.endOffset);
              top = live.getBoundingClientRect().top;
            }
          }
          const base = el.getBoundingClientRect().top;
          el.scrollTop += top - base - (how === "center" ? el.clientHeight / 3 : 8);
        });
      },
      rowRect: (at) => nav.current?.rowRect(at) ?? null,
      topOffset() {
        return painter ? offsetAtTop(painter.builder, el.getBoundingClientRect().top + 4) : 0;
      },
    };
    onReady(docId, handle);
    return () => onReady(docId, null);
  }, [docId, data, painter, commands, store, undo, onReady]);

  // The link's position, once the text can be located.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !painter || !scroller.current) return;
    restored.current = true;
    if (initialOffset > 0) {
      const box = scroller.current;
      void (nav.current?.reveal(initialOffset) ?? Promise.resolve(null)).then(() => {
        const target = painter.builder.elementAt(initialOffset);
        if (target) box.scrollTop += target.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
      });
    }
  }, [painter, initialOffset]);

  const peers = useAwareness(docs?.annotations.provider.awareness);
  const people = uniqueUsers(peers);
  const readOnly = useSyncExternalStore(
    (fn) => (docs ? (docs.annotations.provider.on("authenticated", fn), () => docs.annotations.provider.off("authenticated", fn)) : () => {}),
    () => docs?.annotations.readOnly() ?? true,
    () => true,
  );
  const others = useSyncExternalStore(store?.subscribe ?? noop, () => store?.otherVersions ?? 0, () => 0);
  const newer = useSyncExternalStore(store?.subscribe ?? noop, () => store?.newerVersion ?? false, () => false);
  const title = data.document.title;

  return (
    <section
      className={s.pane}
      data-testid="compare-pane"
      data-document={docId}
      data-version-id={data.version.id}
      data-painted={painted}
      data-readonly={readOnly}
      data-active={active}
      aria-label={t("pane", { number: index + 1, title })}
      onPointerDown={() => onActivate(index)}
      onFocus={() => onActivate(index)}
    >
      <header className={s.paneHeader}>
        <h2 className={s.paneTitle} lang={data.document.language ?? undefined} title={title}>
          {title} <span className={s.versionTag}>{t("version", { number: data.version.number })}</span>
        </h2>
        <Avatars users={people} label={t("presence.document")} max={4} testId="pane-presence" />
        <div className={s.paneButtons}>
          <button type="button" className={s.iconBtn} onClick={() => onMove(index, index - 1)} disabled={index === 0} aria-label={t("moveLeft")} title={t("moveLeft")}>←</button>
          <button type="button" className={s.iconBtn} onClick={() => onMove(index, index + 1)} disabled={index === count - 1} aria-label={t("moveRight")} title={t("moveRight")}>→</button>
          <button type="button" className={s.iconBtn} onClick={() => onClose(index)} aria-label={t("closePane", { title })} title={t("close")} data-testid="pane-close">✕</button>
        </div>
      </header>
      {newer ? (
        <p className={`${s.paneNotice} small`} role="status" data-testid="newer-version">
          {t("newerVersion")}{" "}
          <button type="button" className="btn link small" onClick={() => window.location.reload()}>{t("reload")}</button>
        </p>
      ) : (
        others > 0 && <p className={`${s.paneNotice} small`} role="status">{t("otherVersions", { count: others })}</p>
      )}
      <div ref={scroller} className={s.paneScroll} onScroll={() => onScroll(index)} data-testid="pane-scroll" data-scroll-root="">
        <Reader version={data.version} language={data.document.language} idPrefix={`${key}-`} scroll="pane" model={model} nav={nav} onRendered={onRendered} />
        {painter && <RemoteSelections peers={peers} painter={painter} versionId={data.version.id} scroller={scroller} />}
      </div>
    </section>
  );
}

const noop = () => () => {};

/**
 * The text never changes while the pane is open, and highlights live outside React: the reader
 * must not re-render (thousands of blocks) when the view's state changes.
 */
const Reader = memo(DocumentReader);
