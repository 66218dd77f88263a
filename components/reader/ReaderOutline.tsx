"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { readerIds, type OutlineNode } from "@/lib/core/reader";
import s from "./reader.module.css";

interface Props {
  nodes: OutlineNode[];
  idPrefix: string;
  /** Block index of the heading being read, marked `aria-current`. */
  active: number | null;
}

/**
 * The table of contents. Beside the text on a wide screen; on a narrow one it
 * collapses above the text behind a toggle, and closes again after a jump.
 */
export function ReaderOutline({ nodes, idPrefix, active }: Props) {
  const t = useTranslations("reader");
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <nav className={s.outline} aria-label={t("outline")} data-testid="reader-outline" data-open={open}>
      <h2 className={s.outlineTitle}>{t("outline")}</h2>
      <button type="button" className={`btn ${s.outlineToggle}`} aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        {open ? t("outlineHide") : t("outlineShow")}
      </button>
      <div id={listId} className={s.outlineBody} onClick={(e) => (e.target as Element).closest("a") && setOpen(false)}>
        {nodes.length === 0 ? <p className="muted small">{t("outlineEmpty")}</p> : <Entries nodes={nodes} idPrefix={idPrefix} active={active} />}
      </div>
    </nav>
  );
}

function Entries({ nodes, idPrefix, active }: Props) {
  return (
    <ol className={s.outlineList}>
      {nodes.map((n) => (
        <li key={n.block}>
          <a
            href={`#${readerIds.block(idPrefix, n.block)}`}
            data-jump={readerIds.block(idPrefix, n.block)}
            data-jump-block={n.block}
            aria-current={active === n.block ? "location" : undefined}
          >
            {n.title}
          </a>
          {n.children.length > 0 && <Entries nodes={n.children} idPrefix={idPrefix} active={active} />}
        </li>
      ))}
    </ol>
  );
}
