import type React from "react";
import { useTranslations } from "next-intl";
import { readerIds, splitLastChar, type Segment } from "@/lib/core/reader";
import s from "./reader.module.css";

type Marker = Extract<Segment, { kind: "marker" }>;

/**
 * Text with each U+FFFD (a character the source lost) in a marked span, so readers see
 * that something is missing there; the text content stays exactly the same.
 */
function markLost(text: string, title: string, key: number): React.ReactNode {
  if (!text.includes("\ufffd")) return text;
  return text.split(/(\ufffd)/).map((part, i) =>
    part === "\ufffd" ? (
      <span key={`${key}-${i}`} className={s.lost} title={title}>
        {part}
      </span>
    ) : (
      part
    ),
  );
}

/**
 * The text of one block as its segments: plain text nodes, and footnote markers as
 * links whose text is the marker itself, so the element's text content is exactly
 * the block's canonical text (no characters added, none removed). The character
 * before a marker shares a no-wrap span with it, so a marker never starts a line.
 */
export function BlockText({ segments, block, idPrefix }: { segments: Segment[]; block: number; idPrefix: string }) {
  const t = useTranslations("reader");
  const marker = (seg: Marker) => {
    const id = readerIds.marker(idPrefix, block, seg.refIndex);
    // Markers the source wrote as plain digits ("1") are raised; superscript characters ("¹") already are.
    const className = /^[0-9]+$/.test(seg.text) ? `${s.marker} ${s.raised}` : s.marker;
    if (seg.footnoteBlock === undefined) return <span id={id} className={className}>{seg.text}</span>;
    const target = readerIds.block(idPrefix, seg.footnoteBlock);
    return (
      <a id={id} className={className} href={`#${target}`} data-jump={target} data-jump-block={seg.footnoteBlock} data-footnote={seg.footnoteBlock} aria-label={t("footnoteRef", { marker: seg.marker })}>
        {seg.text}
      </a>
    );
  };
  return segments.map((seg, i) => {
    const next = segments[i + 1];
    if (seg.kind === "text") return markLost(next?.kind === "marker" ? splitLastChar(seg.text)[0] : seg.text, t("lostChar"), seg.start);
    const prev = segments[i - 1];
    const glued = prev?.kind === "text" ? splitLastChar(prev.text)[1] : "";
    return (
      <span key={seg.start} className={s.glue}>
        {markLost(glued, t("lostChar"), seg.start)}
        {marker(seg)}
      </span>
    );
  });
}
