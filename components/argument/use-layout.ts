"use client";

/**
 * Automatic layout through the worker (layout.worker.ts). `layout()` resolves with top-left
 * positions by node id; a newer request supersedes an older one still running.
 */
import { useCallback, useEffect, useRef } from "react";
import type { LayoutRequest, LayoutResponse } from "./layout-protocol";

export type LayoutFn = (nodes: LayoutRequest["nodes"], edges: LayoutRequest["edges"]) => Promise<Record<string, { x: number; y: number }>>;

export function createLayoutWorker(): Worker {
  return new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
}

export function useLayout(): LayoutFn {
  const worker = useRef<Worker | null>(null);
  const pending = useRef(new Map<number, { resolve: (p: Record<string, { x: number; y: number }>) => void; reject: (e: Error) => void }>());
  const seq = useRef(0);

  useEffect(() => {
    const w = createLayoutWorker();
    worker.current = w;
    const waiting = pending.current;
    w.onmessage = (e: MessageEvent<LayoutResponse>) => {
      const p = waiting.get(e.data.id);
      if (!p) return;
      waiting.delete(e.data.id);
      if ("error" in e.data) p.reject(new Error(e.data.error));
      else p.resolve(e.data.positions);
    };
    return () => {
      w.terminate();
      worker.current = null;
      for (const p of waiting.values()) p.reject(new Error("layout worker stopped"));
      waiting.clear();
    };
  }, []);

  return useCallback<LayoutFn>((nodes, edges) => {
    const w = worker.current;
    if (!w) return Promise.reject(new Error("layout worker not ready"));
    const id = ++seq.current;
    return new Promise((resolve, reject) => {
      pending.current.set(id, { resolve, reject });
      const request: LayoutRequest = { id, nodes, edges };
      w.postMessage(request);
    });
  }, []);
}
