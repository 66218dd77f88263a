"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { WorkspaceCommands } from "@/lib/collab/client";
import { ThemePicker } from "@/components/themes/ThemePicker";
import type { AnnotationSelectionApi } from "./use-annotation-selection";
import s from "./compare.module.css";

interface Props {
  selection: AnnotationSelectionApi;
  commands: WorkspaceCommands;
  canCreateTheme: boolean;
}

/**
 * Shown while annotations are ticked: how many and in how many documents, "Tag…" (the theme
 * picker over every selected annotation, in all panes) and "Clear selection". Mounted only
 * while something is selected, so the picker starts closed for each new selection.
 */
export function SelectionBar({ selection, commands, canCreateTheme }: Props) {
  const t = useTranslations("compare.selection");
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState("");
  const tagButton = useRef<HTMLButtonElement>(null);
  const { annotations, documents } = selection.size;
  const close = () => {
    setOpen(false);
    // Esc in the picker: keep the keyboard where the user was, not on the page body.
    tagButton.current?.focus();
  };
  return (
    <section className={s.selectionBar} aria-label={t("label")} data-testid="selection-bar">
      <div className={s.selectionTop}>
        <p className={s.selectionCount} data-testid="selection-count" data-count={annotations} data-documents={documents}>
          {t("summary", { count: annotations, documents })}
        </p>
        <button
          ref={tagButton}
          type="button"
          className="btn primary small"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
          data-testid="selection-tag"
        >
          {t("tag")}
        </button>
        <button
          type="button"
          className="btn link small"
          onClick={() => selection.clear()}
          data-testid="selection-clear"
        >
          {t("clear")}
        </button>
      </div>
      {open && (
        <ThemePicker
          commands={commands}
          targets={selection.targets}
          canCreate={canCreateTheme}
          canTag
          autoFocus
          onDone={close}
          onApplied={(r) => setStatus(t(r.added ? "added" : "removed", { name: r.name, count: r.count }))}
        />
      )}
      {/* Always rendered: a live region must exist before its text changes to be announced. */}
      <p className={`${s.selectionStatus} small`} role="status" data-testid="selection-status">{status}</p>
    </section>
  );
}
