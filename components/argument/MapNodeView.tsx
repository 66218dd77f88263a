"use client";

/** One node of the map: kind or document badge, the excerpt or claim (clamped), theme chips. */
import { memo } from "react";
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { NODE_WIDTH } from "@/lib/core/argument/sizes";
import styles from "./map.module.css";

export interface MapNodeData extends Record<string, unknown> {
  kind: "annotation" | "claim" | "question";
  text: string;
  badge: string;
  colour?: string;
  themes: { id: string; name: string; colour: string }[];
  /** Colour of another user selecting or dragging this node. */
  peerColour?: string;
  peerNote?: string;
  editable: boolean;
}

export type MapFlowNode = Node<MapNodeData, "arg">;

function MapNodeViewImpl({ id, data, selected }: NodeProps<MapFlowNode>) {
  const outline = data.peerColour ? { boxShadow: `0 0 0 3px ${data.peerColour}` } : undefined;
  return (
    <div
      className={`${styles.node} ${styles[data.kind]} ${selected ? styles.selected : ""}`}
      style={{ width: NODE_WIDTH, borderLeftColor: data.colour ?? undefined, ...outline }}
      data-testid="map-node"
      data-node-id={id}
      data-kind={data.kind}
    >
      <Handle type="target" position={Position.Top} isConnectable={data.editable} className={styles.handle} />
      <div className={styles.badge} title={data.badge}>
        {data.badge}
      </div>
      <div className={styles.text} lang="ja">
        {data.text}
      </div>
      {data.themes.length > 0 && (
        <div className={styles.themes}>
          {data.themes.map((t) => (
            <span key={t.id} className={styles.theme} style={{ borderColor: t.colour }}>
              <span className={styles.dot} style={{ background: t.colour }} />
              {t.name}
            </span>
          ))}
        </div>
      )}
      {data.peerNote && <div className={styles.peerNote} style={{ background: data.peerColour }}>{data.peerNote}</div>}
      <Handle type="source" position={Position.Bottom} isConnectable={data.editable} className={styles.handle} />
    </div>
  );
}

export const MapNodeView = memo(MapNodeViewImpl);
