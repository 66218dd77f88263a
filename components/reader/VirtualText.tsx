"use client";

import { memo, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref } from "react";
import { flushSync } from "react-dom";
import { useVirtualizer, useWindowVirtualizer, type Virtualizer } from "@tanstack/react-virtual";
import { estimateRowHeight, rowOfOffset, type RowModel, type TextMetrics } from "@/lib/core/reader";
import type { Block } from "@/lib/core/text/types";
import { LayoutRow, ReaderText, rowContext, type RowContext } from "./ReaderText";
import { afterRender, type ReaderNav } from "./reader-nav";
import s from "./reader.module.css";

interface Props {
  text: string;
  blocks: Block[];
  model: RowModel;
  idPrefix: string;
  /** The compare view's panes scroll on their own (the closest `[data-scroll-root]`); the reader page scrolls the window. */
  scroll: "pane" | "window";
  nav: Ref<ReaderNav>;
  /** After every commit that may have changed the rendered rows (the painter follows them). */
  onRendered?: (() => void) | undefined;
}

/** Rows above and below the viewport kept rendered: a fast flick still lands on text. */
const OVERSCAN = 6;

/**
 * The virtualised text (docs/long-documents.md): only rows near the viewport are in the DOM,
 * each absolutely placed at its measured (or, before it was ever rendered, estimated) offset, so
 * the scrollbar and every position stay true. Rows holding the ends of the user's selection stay
 * rendered while it is extended by scrolling. Printing renders every row.
 */
export function VirtualText(props: Props) {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    // The whole text on paper: rendered synchronously before the print snapshot is taken.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  if (printing) return <ReaderText text={props.text} blocks={props.blocks} idPrefix={props.idPrefix} />;
  return props.scroll === "window" ? <WindowRows {...props} /> : <PaneRows {...props} />;
}

function PaneRows(props: Props) {
  const sizer = useRef<HTMLDivElement>(null);
  const layout = useLayoutNumbers(sizer, props.scroll);
  const estimate = useEstimate(props, layout.metrics);
  const pinned = usePinnedRows(sizer, props.model);
  // The virtualiser is mutable by design; its rows re-render through its own onChange, not through memoised props.
  // eslint-disable-next-line react-hooks/incompatible-library
  const v = useVirtualizer({
    count: props.model.rows.length,
    getScrollElement: () => sizer.current?.closest<HTMLElement>("[data-scroll-root]") ?? null,
    estimateSize: estimate,
    overscan: OVERSCAN,
    scrollMargin: layout.margin,
    rangeExtractor: pinned,
  });
  return <Rows {...props} v={v} sizer={sizer} />;
}

function WindowRows(props: Props) {
  const sizer = useRef<HTMLDivElement>(null);
  const layout = useLayoutNumbers(sizer, props.scroll);
  const estimate = useEstimate(props, layout.metrics);
  const pinned = usePinnedRows(sizer, props.model);
  const v = useWindowVirtualizer({ count: props.model.rows.length, estimateSize: estimate, overscan: OVERSCAN, scrollMargin: layout.margin, rangeExtractor: pinned });
  return <Rows {...props} v={v} sizer={sizer} />;
}

function Rows({ v, sizer, model, text, blocks, idPrefix, nav, onRendered }: Props & { v: Virtualizer<HTMLElement, Element> | Virtualizer<Window, Element>; sizer: React.RefObject<HTMLDivElement | null> }) {
  const ctx = useMemo(() => rowContext(text, blocks, idPrefix), [text, blocks, idPrefix]);
  const items = v.getVirtualItems();
  const margin = v.options.scrollMargin;
  useLayoutEffect(() => onRendered?.());

  useImperativeHandle(nav, () => {
    const find = (row: number, block?: number) => {
      const el = sizer.current?.querySelector<HTMLElement>(`[data-row="${row}"]`);
      if (!el) return null;
      return (block !== undefined ? el.querySelector<HTMLElement>(`[data-block="${block}"]:not([data-piece])`) : null) ?? el.querySelector<HTMLElement>("[data-start]");
    };
    const go = async (row: number, block?: number) => {
      // Rows measured on the way in move the target: scroll, let them render and measure, scroll again.
      for (let i = 0; i < 3; i++) {
        v.scrollToIndex(row, { align: "start" });
        await afterRender();
      }
      return find(row, block);
    };
    return {
      virtual: true,
      reveal: (at) => go(rowOfOffset(model, at)),
      revealBlock: (block) => go(model.rowOfBlock[block] ?? 0, block),
      rowRect: (at) => {
        const item = v.measurementsCache[rowOfOffset(model, at)];
        const box = sizer.current?.getBoundingClientRect();
        if (!item || !box) return null;
        return new DOMRect(box.left, box.top + item.start - margin, box.width, Math.min(item.size, 24));
      },
    };
  }, [v, model, sizer, margin]);

  return (
    <div ref={sizer} className={s.virtual} style={{ height: v.getTotalSize() }} data-virtual="" data-rows={model.rows.length}>
      {items.map((item) => (
        <div key={item.key} ref={v.measureElement} data-index={item.index} data-row={item.index} className={s.vrow} style={{ transform: `translateY(${item.start - margin}px)` }}>
          <Row model={model} index={item.index} ctx={ctx} />
        </div>
      ))}
    </div>
  );
}

/** A row's content never changes: moving it is the wrapper's transform, not a re-render. */
const Row = memo(function Row({ model, index, ctx }: { model: RowModel; index: number; ctx: RowContext }) {
  const row = model.rows[index]!;
  const unit = row.units[0]!;
  return <LayoutRow item={row.item} ctx={ctx} piece={row.piece ? { ...row.piece, start: unit.start, end: unit.end } : undefined} />;
});

/** The sizer's offset in its scroll element (scrollMargin) and the text's metrics, kept up to date as the layout changes. */
function useLayoutNumbers(sizer: React.RefObject<HTMLDivElement | null>, scroll: "pane" | "window") {
  const [state, setState] = useState<{ margin: number; metrics: TextMetrics }>({ margin: 0, metrics: { charsPerLine: 40, lineHeight: 30, gap: 16 } });
  useLayoutEffect(() => {
    const el = sizer.current;
    if (!el) return;
    const scroller = scroll === "pane" ? el.closest<HTMLElement>("[data-scroll-root]") : null;
    const read = () => {
      const box = el.getBoundingClientRect();
      const margin = Math.round(scroller ? box.top - scroller.getBoundingClientRect().top + scroller.scrollTop : box.top + window.scrollY);
      const style = getComputedStyle(el);
      const font = parseFloat(style.fontSize) || 16;
      const metrics = { charsPerLine: Math.max(10, Math.floor(box.width / font)), lineHeight: parseFloat(style.lineHeight) || font * 1.9, gap: font * 1.1 };
      setState((old) => (old.margin === margin && old.metrics.charsPerLine === metrics.charsPerLine ? old : { margin, metrics }));
    };
    read();
    const ro = new ResizeObserver(read);
    ro.observe(scroller ?? document.body);
    return () => ro.disconnect();
  }, [sizer, scroll]);
  return state;
}

function useEstimate({ text, model }: Props, metrics: TextMetrics) {
  return useMemo(() => (i: number) => estimateRowHeight(text, model.rows[i]!, metrics), [text, model, metrics]);
}

/**
 * Keeps the rows that hold the ends of the window's selection rendered, so a selection extended by
 * scrolling (or a drag past the window) still has both ends in the DOM to be read.
 */
function usePinnedRows(sizer: React.RefObject<HTMLDivElement | null>, model: RowModel) {
  const pins = useRef<number[]>([]);
  useEffect(() => {
    const onChange = () => {
      const sel = window.getSelection();
      const next: number[] = [];
      if (sel && sel.rangeCount && !sel.isCollapsed) {
        for (const node of [sel.anchorNode, sel.focusNode]) {
          const row = (node?.nodeType === Node.ELEMENT_NODE ? (node as Element) : node?.parentElement)?.closest<HTMLElement>("[data-row]");
          if (row && sizer.current?.contains(row)) next.push(Number(row.dataset.row));
        }
      }
      pins.current = next;
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [sizer, model]);
  return useMemo(
    () => (range: { startIndex: number; endIndex: number; overscan: number; count: number }) => {
      const out = new Set<number>();
      const from = Math.max(0, range.startIndex - range.overscan);
      const to = Math.min(range.count - 1, range.endIndex + range.overscan);
      for (let i = from; i <= to; i++) out.add(i);
      for (const p of pins.current) if (p < range.count) out.add(p);
      return [...out].sort((a, b) => a - b);
    },
    [],
  );
}
