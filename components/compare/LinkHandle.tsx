"use client";

import { useTranslations } from "next-intl";
import type { CardTools } from "./card-tools";
import type { DragEnd } from "./LinkDrag";
import s from "./compare.module.css";
import d from "./link-drag.module.css";

/**
 * The link handle on an annotation card's header: drag it onto a highlight in any pane to link
 * the two passages; or click it (mouse or keyboard) and then click a highlight. Esc cancels.
 */
export function LinkHandle({ from, start }: { from: DragEnd; start: NonNullable<CardTools["startLinkDrag"]> }) {
  const t = useTranslations("compare.linkDrag");
  return (
    <button
      type="button"
      className={`${s.iconBtn} ${d.handle}`}
      aria-label={t("handle")}
      title={t("handleHint")}
      data-testid="card-link-handle"
      onPointerDown={(e) => {
        if (e.button === 0) start(from, e);
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " ") start(from, e);
      }}
    >
      ⤳
    </button>
  );
}
