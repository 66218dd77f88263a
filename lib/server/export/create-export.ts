/**
 * Runs an export: the sources of the workspace, the excerpts streamed from the projection, and
 * the renderer of the format. Returns the file's name and type and a pull-based stream of its
 * bytes (a slow client slows the database reads down instead of filling memory).
 */
import { isQdaFormat, isTextFormat, safeTimeZone, type ExportFormat, type ExportMeta, type ExportOptions } from "../../core/export";
import type { Locale } from "../../i18n/config";
import { logger } from "../../infra/log";
import { exportLabels } from "./labels";
import { loadSources } from "./load-sources";
import { exportEvents } from "./query-excerpts";
import { renderDocx } from "./render-docx";
import { renderPdf } from "./render-pdf";
import { renderText } from "./render-text";
import { prisma } from "../../infra/db/client";
import { createQdc, createQdpx } from "../interop/qdpx/create-qdpx";

const log = logger("export");

const CONTENT_TYPES: Record<ExportFormat, string> = {
  md: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  html: "text/html; charset=utf-8",
  jsonld: "application/ld+json; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  qdpx: "application/zip",
  qdc: "application/xml; charset=utf-8",
};

export interface ExportFile {
  fileName: string;
  /** ASCII stand-in for clients that do not read `filename*`. */
  asciiFileName: string;
  contentType: string;
  chunks: AsyncGenerator<Uint8Array>;
}

export interface ExportRun {
  workspaceId: string;
  options: ExportOptions;
  baseUrl: string;
  locale: Locale;
  /** IANA zone the reader's dates are written in; the process's zone when unset (the CLI). */
  timeZone?: string;
  now: Date;
  /** Who asked, for the log. */
  userId?: string;
}

/** The public base URL for permalinks: NEXTAUTH_URL when set, else what the request used. */
export function publicBaseUrl(requestOrigin: string | null | undefined): string {
  return (process.env.NEXTAUTH_URL ?? requestOrigin ?? "").replace(/\/+$/, "");
}

export async function createExport(run: ExportRun): Promise<ExportFile> {
  if (isQdaFormat(run.options.format)) return createQdaExport(run);
  const sources = await loadSources(run.workspaceId);
  const labels = exportLabels(run.locale);
  const meta: ExportMeta = { workspaceName: sources.workspace.name, workspaceSlug: sources.workspace.slug, generatedAt: run.now.toISOString(), baseUrl: run.baseUrl, labels, locale: run.locale, timeZone: safeTimeZone(run.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone) };
  const events = exportEvents(run.options, sources, labels, run.baseUrl);
  const { format, include } = run.options;
  const inner = isTextFormat(format) ? renderText(format, events, meta) : format === "docx" ? renderDocx(events, meta, include) : renderPdf(events, meta, include);
  const day = run.now.toISOString().slice(0, 10).replace(/-/g, "");
  const started = performance.now();
  async function* logged(): AsyncGenerator<Uint8Array> {
    let bytes = 0;
    for await (const chunk of inner) {
      bytes += chunk.length;
      yield chunk;
    }
    log.info({ workspaceId: run.workspaceId, userId: run.userId, format, bytes, ms: Math.round(performance.now() - started) }, "export written");
  }
  return {
    fileName: safeFileName(`${sources.workspace.name}-${labels.title}-${day}.${format}`),
    asciiFileName: `synoptic-${sources.workspace.slug}-excerpts-${day}.${format}`,
    contentType: CONTENT_TYPES[format],
    chunks: logged(),
  };
}

/** A REFI-QDA project or codebook: built whole (see lib/server/interop/qdpx), then sent as one chunk. */
async function createQdaExport(run: ExportRun): Promise<ExportFile> {
  const { format } = run.options;
  const [{ bytes }, workspace] = await Promise.all([
    format === "qdpx" ? createQdpx(run.workspaceId, run.options, run.now) : createQdc(run.workspaceId),
    prisma.workspace.findUniqueOrThrow({ where: { id: run.workspaceId }, select: { name: true, slug: true } }),
  ]);
  const day = run.now.toISOString().slice(0, 10).replace(/-/g, "");
  async function* one(): AsyncGenerator<Uint8Array> {
    yield bytes;
  }
  log.info({ workspaceId: run.workspaceId, userId: run.userId, format, bytes: bytes.length }, "export written");
  return {
    fileName: safeFileName(`${workspace.name}-${day}.${format}`),
    asciiFileName: `synoptic-${workspace.slug}-${day}.${format}`,
    contentType: CONTENT_TYPES[format],
    chunks: one(),
  };
}

/** Replaces characters that file systems or headers do not accept (separators, controls). */
function safeFileName(name: string): string {
  return [...name].map((c) => (c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? "_" : c)).join("");
}

/** A web stream over the chunks, pulled as the client reads. */
export function toReadableStream(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (e) {
        log.error({ err: e }, "export failed while streaming");
        controller.error(e);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** `attachment; filename="ascii"; filename*=UTF-8''percent-encoded` (RFC 6266 / 5987). */
export function contentDisposition(file: Pick<ExportFile, "fileName" | "asciiFileName">): string {
  const encoded = encodeURIComponent(file.fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${file.asciiFileName}"; filename*=UTF-8''${encoded}`;
}
