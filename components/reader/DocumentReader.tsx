"use client";

import { useImperativeHandle, useMemo, useRef, type Ref } from "react";
import { useTranslations } from "next-intl";
import { buildOutline, buildRows, isLongText, type RowModel, type VersionView } from "@/lib/core/reader";
import { ReaderOutline } from "./ReaderOutline";
import { ReaderText } from "./ReaderText";
import type { ReaderNav } from "./reader-nav";
import { useActiveHeading } from "./use-active-heading";
import { useJumps } from "./use-jumps";
import { VirtualText } from "./VirtualText";
import s from "./reader.module.css";

export interface DocumentReaderProps {
  version: Pick<VersionView, "number" | "text" | "blocks">;
  /** Language of the text (not of the UI): sets `lang` so Japanese glyphs and line breaking apply. */
  language: string | null;
  /** Prefix of element ids, unique per reader on a page (the compare view has several). */
  idPrefix?: string;
  /** What scrolls: the window (the reader page) or the closest `[data-scroll-root]` (a compare pane). */
  scroll?: "window" | "pane";
  /** The rows of the version, when the caller needs them too (the pane's painter); built here otherwise. */
  model?: RowModel;
  nav?: Ref<ReaderNav>;
  /** After each commit of a virtualised text (rows may have come or gone). */
  onRendered?: () => void;
}

/**
 * The reader of one document version: outline and text. The compare view reuses it
 * as a pane. Every block's text element carries `data-start`/`data-end` (canonical
 * UTF-16 offsets) for the annotation layer. A long version is virtualised
 * (docs/long-documents.md); `nav` moves about it either way.
 */
export function DocumentReader({ version, language, idPrefix = "", scroll = "window", model: given, nav, onRendered }: DocumentReaderProps) {
  const t = useTranslations("reader");
  const root = useRef<HTMLDivElement>(null);
  const outline = useMemo(() => buildOutline(version.text, version.blocks), [version]);
  const paged = useMemo(() => version.blocks.some((b) => b.page !== undefined), [version]);
  const virtual = isLongText(version.text.length, version.blocks.length);
  const model = useMemo(() => given ?? (virtual ? buildRows(version.text, version.blocks) : null), [given, virtual, version]);
  const inner = useRef<ReaderNav>(null);
  // Calls go to the virtualised text when there is one; a short text is all rendered, so the DOM as it is answers.
  useImperativeHandle(nav, () => {
    const dom = (sel: string) => Promise.resolve(root.current?.querySelector<HTMLElement>(sel) ?? null);
    const at = (offset: number) => [...(root.current?.querySelectorAll<HTMLElement>("[data-start][data-block]") ?? [])].find((el) => Number(el.dataset.end) > offset) ?? null;
    return {
      get virtual() {
        return !!inner.current;
      },
      reveal: (offset) => inner.current?.reveal(offset) ?? Promise.resolve(at(offset)),
      revealBlock: (block) => inner.current?.revealBlock(block) ?? dom(`[data-block="${block}"]:not([data-piece])`),
      rowRect: (offset) => inner.current?.rowRect(offset) ?? null,
    };
  }, []);
  const headings = useMemo(() => outline.length ? version.blocks.flatMap((b, i) => (b.kind === "heading" ? [i] : [])) : [], [outline, version]);
  const onClick = useJumps(root, inner);
  const active = useActiveHeading(root, headings);
  return (
    <div ref={root} className={s.reader} onClick={onClick} data-testid="reader" data-version={version.number}>
      <ReaderOutline nodes={outline} idPrefix={idPrefix} active={active} />
      <article className={s.text} lang={language ?? undefined} aria-label={t("documentText")} data-testid="reader-text" data-paged={paged} data-virtual={virtual}>
        {virtual && model ? (
          <VirtualText text={version.text} blocks={version.blocks} model={model} idPrefix={idPrefix} scroll={scroll} nav={inner} onRendered={onRendered} />
        ) : (
          <ReaderText text={version.text} blocks={version.blocks} idPrefix={idPrefix} />
        )}
      </article>
    </div>
  );
}
