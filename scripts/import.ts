/**
 * Import text, Markdown, HTML, DOCX and PDF files into a workspace.
 *
 *   npm run import -- FILES... --workspace SLUG [--dry-run] [--json]
 *
 * --dry-run reads and normalises the files without touching the database; with --json it
 * prints one JSON object per file per line: {file,title,text,blocks,dropped,warnings,report}
 * (`report`: the import report the upload shows, lib/core/text/build-report.ts).
 * Without --dry-run the files go to `importFiles` (lib/server/import/import-files).
 *
 *   npm run import -- PROJECT.qdpx|CODEBOOK.qdc --workspace SLUG [--json]
 *
 * REFI-QDA projects and codebooks (docs/qdpx.md) go to `importQdaFiles`: the import report
 * (what came in, what was mapped, what Synoptic cannot show) is printed, as JSON with --json.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { closeExtractPool, extractInWorker } from "../lib/server/import/extract-pool";
import { resolveDatabase } from "../lib/infra/db/resolve";
import { applyMigrations } from "../lib/infra/db/migrate";
import { ensureSecrets } from "./start/secrets";

interface Args {
  files: string[];
  workspace: string | null;
  dryRun: boolean;
  json: boolean;
}

const USAGE = "usage: npm run import -- FILES... --workspace SLUG [--dry-run] [--json]   (FILES may be .qdpx/.qdc REFI-QDA files)";

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { files: [], workspace: null, dryRun: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--dry-run") args.dryRun = true;
    else if (a === "--json") args.json = true;
    else if (a === "--workspace") args.workspace = argv[++i] ?? null;
    else if (a.startsWith("--workspace=")) args.workspace = a.slice("--workspace=".length);
    else if (a.startsWith("--")) fail(`unknown option ${a}\n${USAGE}`);
    else args.files.push(a);
  }
  if (args.files.length === 0) fail(`no files given\n${USAGE}`);
  if (!args.dryRun && !args.workspace) fail(`--workspace SLUG is required\n${USAGE}`);
  return args;
}

function fail(message: string): never {
  process.stderr.write(`import: ${message}\n`);
  process.exit(2);
}

function out(line: string): void {
  process.stdout.write(line + "\n");
}

/** Extracts and normalises one file exactly as an upload does, without a database. */
async function normaliseFile(file: string): Promise<Record<string, unknown>> {
  const src = await extractInWorker(basename(file), new Uint8Array(readFileSync(file)));
  const r = src.normalised;
  return {
    file,
    title: src.title,
    text: r.text,
    blocks: r.blocks,
    dropped: r.dropped.map((d) => ({ text: d.text, reason: d.reason })),
    warnings: r.warnings,
    report: src.report,
  };
}

async function dryRun(args: Args): Promise<number> {
  let failed = 0;
  for (const file of args.files) {
    try {
      const result = await normaliseFile(file);
      if (args.json) out(JSON.stringify(result));
      else {
        const blocks = result.blocks as { kind: string }[];
        const byKind = new Map<string, number>();
        for (const b of blocks) byKind.set(b.kind, (byKind.get(b.kind) ?? 0) + 1);
        const counts = [...byKind].map(([k, n]) => `${k} ${n}`);
        out(`${file}: "${String(result.title ?? "(no title)")}" — ${counts.join(", ")}; dropped ${(result.dropped as unknown[]).length}`);
        for (const w of result.warnings as string[]) out(`  warning: ${w}`);
      }
    } catch (e) {
      failed++;
      const message = e instanceof Error ? e.message : String(e);
      if (args.json) out(JSON.stringify({ file, error: message }));
      else process.stderr.write(`${file}: ${message}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

/** Imports into the database the app uses (DATABASE_URL, else the embedded one under .data/). */
async function importForReal(args: Args): Promise<number> {
  const db = await resolveDatabase();
  process.env.DATABASE_URL = db.url;
  try {
    await applyMigrations(db.url);
    ensureSecrets(process.cwd(), Number(process.env.PORT ?? 3000));
    const { importFiles } = await import("../lib/server/import/import-files");
    const { importQdaFiles, isQdaFile } = await import("../lib/server/interop/qdpx/import-qda-files");
    const plain = args.files.filter((f) => !isQdaFile(f));
    const qda = args.files.filter(isQdaFile);
    const results = plain.length ? await importFiles({ workspaceSlug: args.workspace ?? "", paths: plain }) : [];
    for (const r of results) out(args.json ? JSON.stringify(r) : r.error ? `${r.file}: FAILED ${r.error}` : `${r.file}: imported "${r.title}" (${r.blocks} blocks)`);
    const qdaResults = qda.length ? await importQdaFiles({ workspaceSlug: args.workspace ?? "", paths: qda }) : [];
    for (const r of qdaResults) out(args.json ? JSON.stringify(r) : describeQda(r));
    return results.some((r) => r.error) || qdaResults.some((r) => r.error) ? 1 : 0;
  } finally {
    const { disconnectPrisma } = await import("../lib/infra/db/client");
    await disconnectPrisma();
    await db.stop();
  }
}

/** One REFI-QDA import as a few lines for a terminal. */
function describeQda(r: import("../lib/server/interop/qdpx/import-qda-files").QdaFileResult): string {
  if (r.error) return [`${r.file}: FAILED ${r.error}`, ...((r.details as { errors?: string[] } | undefined)?.errors ?? []).map((e) => `  ${e}`)].join("\n");
  const res = r.result!;
  if (res.kind === "qdc") return `${r.file}: codebook — ${res.report.created} themes created, ${res.report.matched} matched by name`;
  const p = res.report;
  const lines = [
    `${r.file}: ${p.documents.length} documents, ${p.annotations} annotations, ${p.notes} notes, ${p.replies} replies, ${p.links} links, ${p.mapNodes} map nodes; themes ${p.themes.created} created, ${p.themes.matched} matched (schema: ${p.validator})`,
    ...p.notPlaced.map((n) => `  not placed (${n.reason}): ${n.source} ${n.start}–${n.end} ${n.quote}`),
    ...p.missingSources.map((m) => `  missing source: ${m.name} (${m.path})`),
    ...p.unsupported.map((u) => `  not shown in Synoptic: ${u.kind} ${u.name}${u.within ? ` in ${u.within}` : ""}`),
    ...p.mappedRelations.map((m) => `  link name "${m.name}" → ${m.relation} (${m.count})`),
    ...p.refusedEntries.map((e) => `  refused zip entry: ${e}`),
  ];
  return lines.join("\n");
}

const args = parseArgs(process.argv.slice(2));
try {
  process.exitCode = args.dryRun ? await dryRun(args) : await importForReal(args);
} catch (e) {
  process.stderr.write(`import: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
} finally {
  await closeExtractPool();
}
