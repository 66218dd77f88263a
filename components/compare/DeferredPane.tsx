"use client";

import { useEffect, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ComparePaneData } from "./types";
import s from "./compare.module.css";

/**
 * A pane whose text the page did not carry (a long version, `deferred`): fetched once from the
 * version's immutable URL, which the browser caches compressed, then the pane renders as any
 * other. Short versions pass straight through.
 */
export function DeferredPane({ workspaceId, data, children }: { workspaceId: string; data: ComparePaneData; children: (data: ComparePaneData) => ReactNode }) {
  const t = useTranslations("compare");
  const [loaded, setLoaded] = useState<{ id: string; data: ComparePaneData } | "failed" | null>(null);
  const { deferred, id } = data.version;
  const documentId = data.document.id;
  useEffect(() => {
    if (!deferred) return;
    const controller = new AbortController();
    const url = `/api/workspaces/${encodeURIComponent(workspaceId)}/documents/${encodeURIComponent(documentId)}/versions/${encodeURIComponent(id)}/text`;
    fetch(url, { signal: controller.signal })
      .then((r) => (r.ok ? (r.json() as Promise<{ text: string; blocks: ComparePaneData["version"]["blocks"] }>) : Promise.reject(new Error(String(r.status)))))
      .then(
        (body) => setLoaded({ id, data: { ...data, version: { ...data.version, text: body.text, blocks: body.blocks, deferred: false } } }),
        () => !controller.signal.aborted && setLoaded("failed"),
      );
    return () => controller.abort();
    // The text of a version never changes: fetched once per version id.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deferred, id, documentId, workspaceId]);
  if (!deferred) return children(data);
  if (loaded && loaded !== "failed" && loaded.id === id) return children(loaded.data);
  return (
    <section className={s.pane} data-testid="compare-pane-loading" aria-busy={loaded !== "failed"}>
      <p className={`${s.paneNotice} small`} role={loaded === "failed" ? "alert" : "status"}>
        {loaded === "failed" ? t("textFailed") : t("textLoading", { title: data.document.title })}
      </p>
    </section>
  );
}
