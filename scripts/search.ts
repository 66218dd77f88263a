/**
 * Search a workspace's documents, annotation quotes, notes and replies.
 *
 *   npm run search -- --workspace SLUG [--json] [--kind text|annotation|note|reply]... [--limit N] QUERY...
 *
 * Acts as the workspace's first owner (like `npm run import`), through the same operation as the
 * REST API. Uses the database the app uses (DATABASE_URL, else the embedded one under .data/),
 * so it works while `npm start` runs. With --json: one object per hit per line,
 * {"documentId","title","kind","start","end","snippet"} (start/end: UTF-16 code units, see docs/search.md).
 * Exit codes: 0 hits found, 1 no hits or an error, 2 bad usage.
 */
import { resolveDatabase } from "../lib/infra/db/resolve";
import { applyMigrations } from "../lib/infra/db/migrate";
import { SEARCH_KINDS, type SearchKind, type SearchResult } from "../lib/core/search";

const USAGE = "usage: npm run search -- --workspace SLUG [--json] [--kind KIND]... [--limit N] QUERY...";

interface Args {
  workspace: string;
  json: boolean;
  kinds: SearchKind[];
  limit: number;
  query: string;
}

function fail(message: string): never {
  process.stderr.write(`search: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { workspace: "", json: false, kinds: [], limit: 1000, query: "" };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    const [flag, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i] ?? fail(`${flag} needs a value`);
    if (flag === "--workspace") args.workspace = value();
    else if (flag === "--json") args.json = true;
    else if (flag === "--kind") {
      const k = value();
      if (!(SEARCH_KINDS as readonly string[]).includes(k)) fail(`unknown kind ${k}`);
      args.kinds.push(k as SearchKind);
    } else if (flag === "--limit") args.limit = Math.max(1, Math.min(5000, Number(value()) || 1000));
    else if (flag === "--") continue;
    else if (a.startsWith("--")) fail(`unknown option ${a}`);
    else words.push(a);
  }
  if (!args.workspace) fail("--workspace SLUG is required");
  args.query = words.join(" ");
  if (!args.query.trim()) fail("no query given");
  return args;
}

function print(result: SearchResult, json: boolean): void {
  for (const h of result.hits) {
    if (json) process.stdout.write(JSON.stringify({ documentId: h.documentId, title: h.title, kind: h.kind, start: h.start, end: h.end, snippet: h.snippet }) + "\n");
    else process.stdout.write(`${h.title} [${h.kind} ${h.start}–${h.end}${h.page ? `, p.${h.page}` : ""}] ${h.snippet}\n`);
  }
}

async function main(args: Args): Promise<number> {
  const db = await resolveDatabase();
  process.env.DATABASE_URL = db.url;
  try {
    await applyMigrations(db.url);
    const { disconnectPrisma } = await import("../lib/infra/db/client");
    const { actingMember } = await import("../lib/server/workspaces/acting-member");
    const { searchWorkspaceOp } = await import("../lib/server/search/search-op");
    try {
      const { workspaceId, actor } = await actingMember(args.workspace);
      let shown = 0;
      let offset = 0;
      let total = 0;
      // Pages of at most 100 hits until --limit hits are printed or the results end.
      for (;;) {
        const page = await searchWorkspaceOp.execute(actor, { workspaceId, q: args.query, kinds: args.kinds, offset, limit: Math.min(100, args.limit - shown) });
        print(page, args.json);
        shown += page.hits.length;
        total = page.total;
        if (page.nextOffset === null || shown >= args.limit || page.nextOffset > 5000) break;
        offset = page.nextOffset;
      }
      if (!args.json) process.stderr.write(`search: ${shown} of ${total} hits\n`);
      return shown > 0 ? 0 : 1;
    } finally {
      await disconnectPrisma();
    }
  } finally {
    await db.stop();
  }
}

const args = parseArgs(process.argv.slice(2));
let code: number;
try {
  code = await main(args);
} catch (e) {
  process.stderr.write(`search: ${e instanceof Error ? e.message : String(e)}\n`);
  code = 1;
}
// Explicitly: something during shutdown resets process.exitCode (seen with a failed lookup).
process.exit(code);
