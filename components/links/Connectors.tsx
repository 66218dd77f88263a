"use client";

/**
 * An SVG overlay of connector lines between linked passages in side-by-side panes. Place it
 * absolutely over the panes' container (`position: relative` parent), pass the container's
 * size and, per link, the two ends' rectangles in the container's coordinates
 * (lib/core/argument/connectors.ts computes the paths). The overlay ignores the pointer except
 * on the lines themselves, which call `onClick` with the link id.
 */
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { computeConnectors, type ConnectorInput } from "@/lib/core/argument/connectors";
import styles from "./links.module.css";

export interface ConnectorsProps {
  width: number;
  height: number;
  connectors: readonly ConnectorInput[];
  onClick?: (linkId: string, end: "from" | "to") => void;
  /** A link to draw emphasised (the focused annotation's). */
  highlight?: string | null;
}

export function Connectors({ width, height, connectors, onClick, highlight }: ConnectorsProps) {
  const t = useTranslations("argument");
  const paths = useMemo(() => computeConnectors(connectors), [connectors]);
  return (
    <svg className={styles.connectors} width={width} height={height} viewBox={`0 0 ${width} ${height}`} data-testid="link-connectors" aria-hidden={paths.length === 0}>
      {paths.map((p) => {
        const label = t("connectors.label", { relation: t(`relations.${p.relation}`) });
        const strong = highlight === p.linkId;
        return (
          <g key={p.linkId} data-link-id={p.linkId} data-relation={p.relation} data-testid="link-connector">
            <path d={p.d} fill="none" stroke={p.colour} strokeWidth={strong ? 3.5 : 2} strokeDasharray={p.dashed ? "6 4" : undefined} opacity={p.offscreen ? 0.5 : 0.9} />
            <circle cx={p.start.x} cy={p.start.y} r={3.5} fill={p.colour} />
            <circle cx={p.end.x} cy={p.end.y} r={3.5} fill={p.colour} />
            {onClick && (
              <path d={p.d} fill="none" stroke="transparent" strokeWidth={12} className={styles.hit} onClick={(e) => onClick(p.linkId, e.clientX < (p.start.x + p.end.x) / 2 ? "from" : "to")} role="button" aria-label={label}>
                <title>{label}</title>
              </path>
            )}
          </g>
        );
      })}
    </svg>
  );
}
