/**
 * Export a workspace's annotated excerpts to a file.
 *
 *   npm run export -- --workspace SLUG --format docx|pdf|md|csv|html|jsonld|qdpx|qdc -o FILE
 *       [--document ID|TITLE]... [--theme ID|NAME]... [--author ID|NAME]...
 *       [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--status open|resolved] [--linked|--unlinked]
 *       [--group-by document|theme|node|none] [--order position|created|author]
 *       [--no-notes] [--replies] [--links] [--comments] [--lang ja|en] [--base-url URL]
 *
 * Uses the database the app uses (DATABASE_URL, else the embedded one under .data/), like
 * `npm run import`. `-o -` writes to standard output. `--theme` takes a theme's id or name; an
 * unknown one is refused with the workspace's themes listed as the theme views show them
 * (tree order, children indented under their parent).
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { resolveDatabase } from "../lib/infra/db/resolve";
import { applyMigrations } from "../lib/infra/db/migrate";
import { exportOptionsSchema, type ExportOptions } from "../lib/core/export";

const USAGE = "usage: npm run export -- --workspace SLUG --format docx|pdf|md|csv|html|jsonld|qdpx|qdc [filters] -o FILE";

interface Args {
  workspace: string;
  out: string;
  lang: "ja" | "en";
  baseUrl: string;
  documents: string[];
  themes: string[];
  authors: string[];
  raw: Record<string, unknown>;
}

function fail(message: string): never {
  process.stderr.write(`export: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { workspace: "", out: "", lang: "ja", baseUrl: process.env.NEXTAUTH_URL ?? "http://localhost:3000", documents: [], themes: [], authors: [], raw: { filters: {}, include: {} } };
  const filters = args.raw.filters as Record<string, unknown>;
  const include = args.raw.include as Record<string, unknown>;
  include.notes = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    const [flag, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i] ?? fail(`${flag} needs a value`);
    switch (flag) {
      case "--workspace": args.workspace = value(); break;
      case "--format": args.raw.format = value(); break;
      case "-o": case "--out": args.out = value(); break;
      case "--document": args.documents.push(value()); break;
      case "--theme": args.themes.push(value()); break;
      case "--author": args.authors.push(value()); break;
      case "--from": filters.from = value(); break;
      case "--to": filters.to = value(); break;
      case "--status": filters.status = value(); break;
      case "--linked": filters.linked = "linked"; break;
      case "--unlinked": filters.linked = "unlinked"; break;
      case "--group-by": args.raw.groupBy = value(); break;
      case "--order": args.raw.order = value(); break;
      case "--no-notes": include.notes = false; break;
      case "--replies": include.replies = true; break;
      case "--links": include.links = true; break;
      case "--comments": include.comments = true; break;
      case "--lang": args.lang = value() === "en" ? "en" : "ja"; break;
      case "--base-url": args.baseUrl = value(); break;
      default: fail(`unknown option ${a}`);
    }
  }
  if (!args.workspace) fail("--workspace SLUG is required");
  if (!args.raw.format) fail("--format is required");
  if (!args.out) fail("-o FILE is required");
  return args;
}

/**
 * Names or ids → ids; an unknown one is an error rather than a silently wider export, followed
 * by `listing` (what could have been meant) when there is one.
 */
function resolveAll(kind: string, wanted: string[], known: { id: string; label: string }[], listing = ""): string[] | undefined {
  if (wanted.length === 0) return undefined;
  return wanted.map((w) => known.find((k) => k.id === w || k.label === w)?.id ?? fail(`unknown ${kind}: ${w}${listing ? `\n${listing}` : ""}`));
}

/** The themes in tree order, two spaces of indent per level, each with its id. */
function themeListing(themes: readonly { id: string; name: string; depth: number }[]): string {
  if (themes.length === 0) return "the workspace has no themes";
  return ["themes:", ...themes.map((t) => `${"  ".repeat(t.depth + 1)}${t.name} (${t.id})`)].join("\n");
}

async function main(args: Args): Promise<number> {
  const db = await resolveDatabase();
  process.env.DATABASE_URL = db.url;
  try {
    await applyMigrations(db.url);
    const { prisma, disconnectPrisma } = await import("../lib/infra/db/client");
    const { createExport } = await import("../lib/server/export/create-export");
    const { loadThemes } = await import("../lib/server/export/load-sources");
    try {
      const ws = await prisma.workspace.findUnique({ where: { slug: args.workspace }, select: { id: true } });
      if (!ws) fail(`no workspace with slug ${args.workspace}`);
      const [docs, themes, authors] = await Promise.all([
        prisma.document.findMany({ where: { workspaceId: ws.id, deletedAt: null }, select: { id: true, title: true } }),
        loadThemes(ws.id),
        prisma.annotation.findMany({ where: { workspaceId: ws.id }, distinct: ["authorId"], select: { authorId: true, authorName: true } }),
      ]);
      const filters = args.raw.filters as Record<string, unknown>;
      filters.documentIds = resolveAll("document", args.documents, docs.map((d) => ({ id: d.id, label: d.title })));
      filters.themeIds = resolveAll("theme", args.themes, themes.map((t) => ({ id: t.id, label: t.name })), themeListing(themes));
      filters.authorIds = resolveAll("author", args.authors, authors.map((a) => ({ id: a.authorId, label: a.authorName })));
      const parsed = exportOptionsSchema.safeParse(args.raw);
      if (!parsed.success) fail(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
      const options: ExportOptions = parsed.data;
      const file = await createExport({ workspaceId: ws.id, options, baseUrl: args.baseUrl.replace(/\/+$/, ""), locale: args.lang, now: new Date() });
      const out = args.out === "-" ? process.stdout : createWriteStream(args.out);
      let bytes = 0;
      for await (const chunk of file.chunks) {
        bytes += chunk.length;
        if (!out.write(chunk)) await once(out, "drain");
      }
      if (out !== process.stdout) {
        out.end();
        await once(out, "finish");
        process.stderr.write(`export: wrote ${args.out} (${bytes} bytes, ${options.format})\n`);
      }
      return 0;
    } finally {
      await disconnectPrisma();
    }
  } finally {
    await db.stop();
  }
}

const args = parseArgs(process.argv.slice(2));
try {
  process.exitCode = await main(args);
} catch (e) {
  process.stderr.write(`export: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
