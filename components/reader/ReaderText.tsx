import { useTranslations } from "next-intl";
import { footnoteBacklinks, layoutBlocks, type LayoutItem, type MarkerRef } from "@/lib/core/reader";
import type { Block } from "@/lib/core/text/types";
import { BlockView } from "./BlockView";
import { PageMarker } from "./PageMarker";
import s from "./reader.module.css";

export interface RowContext {
  text: string;
  blocks: Block[];
  idPrefix: string;
  citedBy: Map<number, MarkerRef[]>;
}

export const rowContext = (text: string, blocks: Block[], idPrefix: string): RowContext => ({ text, blocks, idPrefix, citedBy: footnoteBacklinks(blocks) });

/** The blocks of a version in text order, lists and glossary boxes grouped, page markers in the margin. */
export function ReaderText({ text, blocks, idPrefix }: { text: string; blocks: Block[]; idPrefix: string }) {
  const t = useTranslations("reader");
  if (blocks.length === 0) return <p className="muted">{t("empty")}</p>;
  const ctx = rowContext(text, blocks, idPrefix);
  return layoutBlocks(blocks).map((item) => <LayoutRow key={item.kind === "block" ? item.block : item.blocks[0]} item={item} ctx={ctx} />);
}

/**
 * One layout item; `piece` renders only [start, end) of a block cut for the virtualised reader
 * (lib/core/reader/virtual-rows): its text element says which piece it is (`data-piece`).
 */
export function LayoutRow({ item, ctx, piece }: { item: LayoutItem; ctx: RowContext; piece?: { index: number; last: boolean; start: number; end: number } | undefined }) {
  const t = useTranslations("reader");
  const { blocks } = ctx;
  // The OCR badge once per scanned page: on its first machine-read block.
  const firstOcrOfPage = (i: number) => blocks[i]?.ocr !== undefined && (blocks[i - 1]?.ocr === undefined || blocks[i - 1]?.page !== blocks[i]?.page);
  const view = (i: number) => <BlockView text={ctx.text} block={blocks[i]!} index={i} idPrefix={ctx.idPrefix} citedBy={ctx.citedBy.get(i)} ocrBadge={firstOcrOfPage(i)} />;
  if (item.kind === "block") {
    const first = !piece || piece.index === 0;
    return (
      <div className={piece && !piece.last ? `${s.row} ${s.pieceRow}` : s.row}>
        {first && item.pageBreak !== undefined && <PageMarker page={item.pageBreak} />}
        {piece ? (
          <BlockView text={ctx.text} block={{ ...blocks[item.block]!, start: piece.start, end: piece.end }} index={item.block} piece={piece.index} idPrefix={ctx.idPrefix} ocrBadge={first && firstOcrOfPage(item.block)} />
        ) : (
          view(item.block)
        )}
      </div>
    );
  }
  const rows = item.blocks.map((i) => (
    <li key={i} className={s.item} style={{ "--level": Math.min(blocks[i]!.level ?? 1, 4) } as React.CSSProperties}>
      {item.pageBreaks[i] !== undefined && <PageMarker page={item.pageBreaks[i]} />}
      {view(i)}
    </li>
  ));
  if (item.kind === "list") {
    return (
      <div className={s.row}>
        {item.pageBreak !== undefined && <PageMarker page={item.pageBreak} />}
        <ul className={s.list}>{rows}</ul>
      </div>
    );
  }
  return (
    <div className={s.row}>
      {item.pageBreak !== undefined && <PageMarker page={item.pageBreak} />}
      <aside className={s.glossary} aria-label={t("kind.glossary")}>
        <span className={s.kindLabel}>{t("kind.glossary")}</span>
        <ul className={s.glossaryList}>{rows}</ul>
      </aside>
    </div>
  );
}
