"use client";

import { useTranslations } from "next-intl";
import { readSelection } from "@/lib/collab/client/dom";
import type { PassageRange } from "@/lib/collab/client";
import type { PaneHandle } from "./pane-handle";

/**
 * The orphan queue's action on an orphan's card: re-attach it to the passage selected in this
 * pane (the version shown). The selection is read on mousedown, before the click could move it.
 */
export function ReattachButton({ pane, onReattach, onMissing }: { pane: PaneHandle; onReattach(range: PassageRange): void; onMissing(): void }) {
  const t = useTranslations("compare.card");
  return (
    <>
      {" "}
      <button
        type="button"
        className="btn small"
        data-testid="reattach"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          const sel = readSelection([pane]);
          if (!sel?.ok) return onMissing();
          onReattach({ text: pane.data.version.text, versionId: pane.data.version.id, start: sel.start, end: sel.end });
          window.getSelection()?.removeAllRanges();
        }}
      >
        {t("reattach")}
      </button>
    </>
  );
}
