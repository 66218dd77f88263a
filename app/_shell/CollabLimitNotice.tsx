"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { COLLAB_LIMIT_EVENT } from "@/lib/collab/client/connect";

/** Tells the user that the collab server refused a change past a note's or a document's size limit. */
export function CollabLimitNotice() {
  const t = useTranslations("errors");
  const [reason, setReason] = useState<string | null>(null);
  useEffect(() => {
    const on = (e: Event) => setReason(String((e as CustomEvent<unknown>).detail));
    window.addEventListener(COLLAB_LIMIT_EVENT, on);
    return () => window.removeEventListener(COLLAB_LIMIT_EVENT, on);
  }, []);
  if (!reason) return null;
  return (
    <p className="alert error" role="alert" data-testid="collab-limit" style={{ position: "fixed", bottom: 16, left: 16, right: 16, zIndex: 1000 }}>
      {t(reason === "note-too-large" ? "note_too_large" : "document_too_large")}{" "}
      <button type="button" className="btn" onClick={() => setReason(null)}>
        ×
      </button>
    </p>
  );
}
