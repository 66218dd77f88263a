"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ImportJobView } from "@/lib/core/import-job";

/** A background import as GET /api/workspaces/:id/import-jobs returns it. */
export type ImportJobItem = ImportJobView;

const POLL_MS = 1500;

/**
 * The workspace's background imports, polled while one is queued or running. When a job
 * finishes the page is refreshed, so its document appears in the list.
 */
export function useImportJobs(workspaceId: string): { jobs: ImportJobItem[]; refresh: () => void } {
  const router = useRouter();
  const [jobs, setJobs] = useState<ImportJobItem[]>([]);
  const [tick, setTick] = useState(0);
  const active = useRef(new Set<string>());

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const res = await fetch(`/api/workspaces/${workspaceId}/import-jobs`, { cache: "no-store" });
        if (!res.ok || cancelled) return;
        const list = (await res.json()) as ImportJobItem[];
        if (cancelled) return;
        const running = new Set(list.filter((j) => j.status === "queued" || j.status === "running").map((j) => j.id));
        const finished = [...active.current].some((id) => !running.has(id));
        active.current = running;
        setJobs(list);
        if (finished) router.refresh();
        if (running.size) timer = setTimeout(() => void load(), POLL_MS);
      } catch {
        // offline for a moment: the next upload or reload polls again
      }
    };
    void load();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [workspaceId, tick, router]);

  const refresh = useCallback(() => setTick((n) => n + 1), []);
  return { jobs, refresh };
}
