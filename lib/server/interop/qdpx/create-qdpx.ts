/**
 * The `.qdpx` file (a zip of project.qde and Sources/) and the `.qdc` codebook of a workspace.
 * fflate (already a dependency) zips in memory: the texts are the workspace's canonical texts,
 * which the database holds in full anyway, and the XML is a few MB at 5,000 selections.
 */
import { strToU8, zipSync } from "fflate";
import type { ExportOptions } from "../../../core/export";
import { guidOf, writeCodebook, writeProject, type QdaCode } from "../../../core/interop/qdpx";
import { AppError } from "../../../core/errors";
import { logger } from "../../../infra/log";
import { loadThemes } from "../../export/load-sources";
import { buildProject, type BuiltProject } from "./build-project";

const log = logger("qdpx");

export interface QdpxFile {
  bytes: Uint8Array;
  counts: BuiltProject["counts"];
  /** Characters XML 1.0 cannot carry (C0 controls), left out of project.qde. */
  removedChars: number;
}

export async function createQdpx(workspaceId: string, options: ExportOptions, now: Date): Promise<QdpxFile> {
  const started = performance.now();
  const built = await buildProject(workspaceId, options, now);
  const { xml, stats } = writeProject(built.project);
  const entries: Record<string, Uint8Array> = { "project.qde": strToU8(xml) };
  for (const [path, text] of built.files) entries[path] = strToU8(text);
  const bytes = zipSync(entries, { level: 6, mtime: now });
  log.info({ workspaceId, ...built.counts, removedChars: stats.removedChars, bytes: bytes.length, ms: Math.round(performance.now() - started) }, "qdpx written");
  return { bytes, counts: built.counts, removedChars: stats.removedChars };
}

/** The theme tree alone as a `.qdc` codebook (REFI-QDA Codebook Exchange). */
export async function createQdc(workspaceId: string): Promise<{ bytes: Uint8Array; codes: number }> {
  const themes = await loadThemes(workspaceId);
  if (themes.length === 0) throw new AppError("invalid_input", "qdc_no_themes");
  const byId = new Map<string, QdaCode>();
  const roots: QdaCode[] = [];
  for (const t of themes) {
    const code: QdaCode = { guid: guidOf(t.id), name: t.name, color: t.colour, ...(t.description ? { description: t.description } : {}), children: [] };
    byId.set(t.id, code);
    (t.parentId ? (byId.get(t.parentId)?.children ?? roots) : roots).push(code);
  }
  const { xml } = writeCodebook(roots, "Synoptic");
  return { bytes: strToU8(xml), codes: themes.length };
}
