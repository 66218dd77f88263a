import { useTranslations } from "next-intl";
import { footnoteBacklinks, layoutBlocks } from "@/lib/core/reader";
import type { Block } from "@/lib/core/text/types";
import { BlockView } from "./BlockView";
import { PageMarker } from "./PageMarker";
import s from "./reader.module.css";

/** The blocks of a version in text order, lists and glossary boxes grouped, page markers in the margin. */
export function ReaderText({ text, blocks, idPrefix }: { text: string; blocks: Block[]; idPrefix: string }) {
  const t = useTranslations("reader");
  const citedBy = footnoteBacklinks(blocks);
  // The OCR badge once per scanned page: on its first machine-read block.
  const firstOcrOfPage = (i: number) => blocks[i]?.ocr !== undefined && (blocks[i - 1]?.ocr === undefined || blocks[i - 1]?.page !== blocks[i]?.page);
  const view = (i: number) => <BlockView text={text} block={blocks[i]!} index={i} idPrefix={idPrefix} citedBy={citedBy.get(i)} ocrBadge={firstOcrOfPage(i)} />;
  if (blocks.length === 0) return <p className="muted">{t("empty")}</p>;
  return layoutBlocks(blocks).map((item) => {
    if (item.kind === "block") {
      return (
        <div key={item.block} className={s.row}>
          {item.pageBreak !== undefined && <PageMarker page={item.pageBreak} />}
          {view(item.block)}
        </div>
      );
    }
    const rows = item.blocks.map((i) => (
      <li key={i} className={s.item} style={{ "--level": Math.min(blocks[i]!.level ?? 1, 4) } as React.CSSProperties}>
        {item.pageBreaks[i] !== undefined && <PageMarker page={item.pageBreaks[i]} />}
        {view(i)}
      </li>
    ));
    const first = item.blocks[0]!;
    if (item.kind === "list") {
      return (
        <div key={first} className={s.row}>
          {item.pageBreak !== undefined && <PageMarker page={item.pageBreak} />}
          <ul className={s.list}>{rows}</ul>
        </div>
      );
    }
    return (
      <div key={first} className={s.row}>
        {item.pageBreak !== undefined && <PageMarker page={item.pageBreak} />}
        <aside className={s.glossary} aria-label={t("kind.glossary")}>
          <span className={s.kindLabel}>{t("kind.glossary")}</span>
          <ul className={s.glossaryList}>{rows}</ul>
        </aside>
      </div>
    );
  });
}
