import { useTranslations } from "next-intl";
import { headingRank, readerIds, segmentBlock, type MarkerRef } from "@/lib/core/reader";
import type { Block } from "@/lib/core/text/types";
import { BlockText } from "./BlockText";
import s from "./reader.module.css";

export interface BlockViewProps {
  text: string;
  block: Block;
  index: number;
  idPrefix: string;
  /** For a footnote: the markers that cite it. */
  citedBy?: MarkerRef[] | undefined;
  /** A piece (after the first) of a block cut for the virtualised reader: the block's id stays on piece 0. */
  piece?: number;
  /** For a machine-read block: show the OCR badge (once per page is enough; default true). */
  ocrBadge?: boolean;
}

/**
 * One block. The element that carries `data-start`/`data-end` holds the block's
 * canonical text and nothing else; chrome (labels, back links) sits beside it.
 */
export function BlockView(props: BlockViewProps) {
  const t = useTranslations("reader");
  const view = <BlockBody {...props} />;
  if (!props.block.ocr) return view;
  // Machine-read text says so, with its confidence, beside (never inside) the canonical text.
  const confidence = props.block.ocr.confidence;
  return (
    <div className={s.ocr} data-ocr={confidence}>
      {props.ocrBadge !== false && (
        <span className={s.ocrBadge} title={t("ocrHint", { confidence })} aria-label={t("ocrHint", { confidence })}>
          {t("ocrBadge", { confidence })}
        </span>
      )}
      {view}
    </div>
  );
}

function BlockBody({ text, block, index, idPrefix, citedBy, piece }: BlockViewProps) {
  const t = useTranslations("reader");
  const id = piece ? undefined : readerIds.block(idPrefix, index);
  const content = <BlockText segments={segmentBlock(text, block)} block={index} idPrefix={idPrefix} />;
  const data = { "data-start": block.start, "data-end": block.end, "data-block": index, "data-kind": block.kind, ...(piece ? { "data-piece": piece } : {}) };
  switch (block.kind) {
    case "heading": {
      const H = `h${headingRank(block.level)}` as const;
      return <H id={id} tabIndex={-1} className={`${s.heading} ${s[`h${headingRank(block.level)}`]}`} {...data}>{content}</H>;
    }
    case "list_item":
      return <span id={id} className={s.itemText} {...data}>{content}</span>;
    case "footnote":
      return (
        <div id={id} tabIndex={-1} className={s.footnote} role="note" aria-label={t("kind.footnote")}>
          <p className={s.footnoteText} {...data}>{content}</p>
          {(citedBy ?? []).map((m, i) => (
            <a
              key={`${m.block}-${m.ref}`}
              className={s.back}
              href={`#${readerIds.marker(idPrefix, m.block, m.ref)}`}
              data-jump={readerIds.marker(idPrefix, m.block, m.ref)}
              data-jump-block={m.block}
              aria-label={t("footnoteBackTo", { marker: m.marker })}
              title={t("footnoteBack")}
            >
              ↩{citedBy!.length > 1 ? <sup>{i + 1}</sup> : null}
            </a>
          ))}
        </div>
      );
    case "caption":
      return (
        <div className={s.caption}>
          <span className={s.kindLabel}>{t("kind.caption")}</span>
          <p id={id} className={s.captionText} {...data}>{content}</p>
        </div>
      );
    case "glossary":
      return <p id={id} className={s.glossaryText} {...data}>{content}</p>;
    case "note":
      return <p id={id} className={s.note} {...data}>{content}</p>;
    default:
      return <p id={id} className={s.paragraph} {...data}>{content}</p>;
  }
}
