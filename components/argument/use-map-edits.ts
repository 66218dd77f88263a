"use client";

import { useCallback, useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import type { MapData, WorkspaceCommands } from "@/lib/collab/client";
import type { LinkEndpoint, Relation } from "@/lib/core/argument";

export type MapSelection = { kind: "node" | "edge"; id: string } | null;
export type MapNotice = { text: string; undo?: boolean; error?: boolean } | null;

const KNOWN_ERRORS = ["link_to_itself", "link_duplicate", "link_endpoint_missing", "node_text_empty", "node_text_too_long"];

interface Deps {
  commands: WorkspaceCommands | null;
  data: MapData;
  editable: boolean;
  /** Where a new node goes (the middle of the visible canvas). */
  centre(): { x: number; y: number };
}

/** The map's edits through the workspace commands, the selection they act on, and the notice they leave. */
export function useMapEdits({ commands, data, editable, centre }: Deps) {
  const t = useTranslations("argument");
  const [selected, setSelected] = useState<MapSelection>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const [notice, setNotice] = useState<MapNotice>(null);

  const catalog = useMemo(
    () => ({ hasAnnotation: (id: string) => data.annotations.has(id), hasNode: (id: string) => data.nodes.some((n) => n.id === id && n.kind !== "annotation") }),
    [data],
  );
  const endpointOf = useCallback(
    (graphId: string): LinkEndpoint => {
      const a = data.annotations.get(graphId);
      return a ? { kind: "annotation", id: a.id, documentId: a.documentId } : { kind: "node", id: graphId };
    },
    [data.annotations],
  );
  const fail = useCallback((e: unknown) => {
    const key = e instanceof Error ? e.message : "";
    setNotice({ text: t(`errors.${KNOWN_ERRORS.includes(key) ? key : "generic"}`), error: true });
  }, [t]);

  const link = useCallback(
    (source: string, target: string, relation: Relation, note?: string) => {
      commands?.link({ from: endpointOf(source), to: endpointOf(target), relation, ...(note ? { note } : {}) }, catalog);
    },
    [commands, endpointOf, catalog],
  );

  const remove = useCallback(() => {
    if (!commands || !selected || !editable) return;
    try {
      if (selected.kind === "edge") commands.unlink(selected.id);
      else commands.removeFromMap(selected.id);
      setSelected(null);
      if (focus === selected.id) setFocus(null);
      setNotice({ text: t("toolbar.deleted"), undo: true });
    } catch (e) {
      fail(e);
    }
  }, [commands, selected, editable, focus, t, fail]);

  const addNode = (kind: "claim" | "question", text: string) => {
    if (!commands) return;
    try {
      const node = commands.addNode({ kind, text, position: centre() });
      setSelected({ kind: "node", id: node.id });
    } catch (e) {
      fail(e);
      throw e;
    }
  };

  const place = (annotationId: string) => {
    if (!commands) return;
    commands.place(annotationId, centre());
    setSelected({ kind: "node", id: annotationId });
  };

  return { selected, setSelected, focus, setFocus, notice, setNotice, fail, link, remove, addNode, place };
}
