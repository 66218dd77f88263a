"use client";

import { useTranslations } from "next-intl";
import { toAif, toArgdown, toSvg, type ArgumentGraph, type Relation } from "@/lib/core/argument";
import { download, exportName, svgToPng } from "./export-files";

export type MapExportFormat = "svg" | "png" | "argdown" | "aif";

/** Downloads what the map shows (filters applied) as SVG, PNG, Argdown or AIF. */
export function useMapExport(title: string, shown: ArgumentGraph, positions: Readonly<Record<string, { x: number; y: number }>>) {
  const t = useTranslations("argument");
  return async (format: MapExportFormat) => {
    const now = new Date();
    const relationLabel = (r: Relation) => t(`relations.${r}`);
    if (format === "aif") return download(exportName(title, "json", now), "application/json", JSON.stringify(toAif(shown, { title, now }), null, 2));
    if (format === "argdown") return download(exportName(title, "argdown", now), "text/plain;charset=utf-8", toArgdown(shown, { title, relationLabel }));
    const svg = toSvg(shown, positions, { title, relationLabel, kindLabel: (k) => t(`kinds.${k}`) });
    if (format === "svg") return download(exportName(title, "svg", now), "image/svg+xml", svg);
    download(exportName(title, "png", now), "image/png", await svgToPng(svg));
  };
}
