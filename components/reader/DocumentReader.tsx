"use client";

import { useMemo, useRef } from "react";
import { useTranslations } from "next-intl";
import { buildOutline, type VersionView } from "@/lib/core/reader";
import { ReaderOutline } from "./ReaderOutline";
import { ReaderText } from "./ReaderText";
import { useActiveHeading } from "./use-active-heading";
import { useJumps } from "./use-jumps";
import s from "./reader.module.css";

export interface DocumentReaderProps {
  version: VersionView;
  /** Language of the text (not of the UI): sets `lang` so Japanese glyphs and line breaking apply. */
  language: string | null;
  /** Prefix of element ids, unique per reader on a page (the compare view has several). */
  idPrefix?: string;
}

/**
 * The reader of one document version: outline and text. The compare view reuses it
 * as a pane. Every block's text element carries `data-start`/`data-end` (canonical
 * UTF-16 offsets) for the annotation layer.
 */
export function DocumentReader({ version, language, idPrefix = "" }: DocumentReaderProps) {
  const t = useTranslations("reader");
  const root = useRef<HTMLDivElement>(null);
  const outline = useMemo(() => buildOutline(version.text, version.blocks), [version]);
  const paged = useMemo(() => version.blocks.some((b) => b.page !== undefined), [version]);
  const onClick = useJumps(root);
  const active = useActiveHeading(root);
  return (
    <div ref={root} className={s.reader} onClick={onClick} data-testid="reader" data-version={version.number}>
      <ReaderOutline nodes={outline} idPrefix={idPrefix} active={active} />
      <article className={s.text} lang={language ?? undefined} aria-label={t("documentText")} data-testid="reader-text" data-paged={paged}>
        <ReaderText text={version.text} blocks={version.blocks} idPrefix={idPrefix} />
      </article>
    </div>
  );
}
