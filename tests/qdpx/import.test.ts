/**
 * Import of REFI-QDA projects: a hand-written project in the shape the suites write
 * (tests/fixtures/qdpx/suite-project: nested codes, selections, memos, links, a graph, a picture,
 * a PDF, a case and a set) lands every selection at its exact text; bad input imports nothing or
 * reports exactly what it left out.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { strToU8, unzipSync, zipSync, Zip, ZipDeflate } from "fflate";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CollabServer } from "../../lib/collab/server";
import { isAppError } from "../../lib/core/errors";
import { importQdaOp } from "../../lib/server/interop/qdpx/import-ops";
import { readQdpxZip } from "../../lib/server/interop/qdpx/read-qdpx-zip";
import { prisma } from "../../lib/infra/db/client";
import { makeWorld, startCollabForExport } from "../export/support";
import type { World } from "../support/factories";

const FIXTURE = fileURLToPath(new URL("../fixtures/qdpx/suite-project/", import.meta.url));
let server: CollabServer;
let world: World;

function fixtureFiles(): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = { "project.qde": readFileSync(`${FIXTURE}project.qde`) };
  for (const f of readdirSync(`${FIXTURE}Sources`)) files[`Sources/${f}`] = readFileSync(`${FIXTURE}Sources/${f}`);
  return files;
}

const run = (bytes: Uint8Array, w = world) => importQdaOp.execute(w.members.editor, { workspaceId: w.workspace.id, bytes });

async function refusal(bytes: Uint8Array): Promise<{ code: string; message: string; errors: string[] }> {
  try {
    await run(bytes);
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { code: e.code, message: e.message, errors: ((e.details as { errors?: string[] } | undefined)?.errors ?? []) };
  }
  throw new Error("import did not refuse");
}

/** A one-source project around `body` (selections etc.), with `text` as its plain text. */
function tinyProject(selections: string, text = "一二三四五六七八九十 alpha beta gamma.", extra: Record<string, Uint8Array> = {}): Uint8Array {
  const qde = `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="tiny"><Sources><TextSource guid="{10000000-0000-4000-8000-000000000001}" name="tiny" plainTextPath="internal://t.txt">${selections}</TextSource></Sources></Project>`;
  return zipSync({ "project.qde": strToU8(qde), "Sources/t.txt": strToU8(text), ...extra });
}
const sel = (n: number, s: number, e: number) => `<PlainTextSelection guid="{20000000-0000-4000-8000-${String(n).padStart(12, "0")}}" startPosition="${s}" endPosition="${e}"/>`;
const docCount = (w = world) => prisma.document.count({ where: { workspaceId: w.workspace.id } });

beforeAll(async () => {
  server = await startCollabForExport();
  world = await makeWorld();
}, 120_000);
afterAll(async () => server?.destroy());

describe("a project written the way the suites write it", () => {
  it("imports every selection at its exact text, codes nested, memos, links and the graph", async () => {
    const files = fixtureFiles();
    const result = await run(zipSync(files));
    if (result.kind !== "qdpx") throw new Error("not a project");
    const r = result.report;
    expect(r.validator).toBe("xmllint");
    expect(r.notPlaced).toEqual([]);
    expect(r.documents.map((d) => [d.title, d.selections, d.placed])).toEqual([["Interview 3", 4, 4], ["インタビュー７", 6, 6]]);
    expect(r.unsupported.map((u) => u.kind).sort()).toEqual(["Case", "PDFSelection", "PDFSource", "PictureSelection", "PictureSource", "Set"]);
    expect(r).toMatchObject({ annotations: 10, notes: 3, themes: { created: 7, matched: 0 }, mapNodes: 2, placedOnMap: 2, links: 4 });
    // "contradicts" is a legacy Synoptic name (→ opposes); only the suite's own name is reported as mapped.
    expect(r.mappedRelations).toEqual([{ name: "is associated with", relation: "elaborates", count: 1 }]);

    // Every selection: the code-point slice of the file's text is the annotation's quote.
    const qde = new TextDecoder().decode(files["project.qde"]);
    const sources = [...qde.matchAll(/<TextSource guid="[^"]+" name="([^"]+)" plainTextPath="internal:\/\/([^"]+)"[^>]*>([\s\S]*?)<\/TextSource>/g)];
    let checked = 0;
    for (const [, name, path, body] of sources) {
      const text = [...new TextDecoder().decode(files[`Sources/${path}`])];
      const doc = await prisma.document.findFirstOrThrow({ where: { workspaceId: world.workspace.id, title: name }, select: { id: true } });
      const quotes = (await prisma.annotation.findMany({ where: { documentId: doc.id }, select: { exact: true } })).map((a) => a.exact).sort();
      const expected = [...body!.matchAll(/startPosition="(\d+)" endPosition="(\d+)"/g)].map(([, s, e]) => text.slice(Number(s), Number(e)).join("")).sort();
      expect(quotes).toEqual(expected);
      checked += expected.length;
    }
    expect(checked).toBe(10);
    expect(await prisma.annotation.findFirst({ where: { workspaceId: world.workspace.id, exact: "常設化が必要だ 👍🏽" }, select: { noteText: true } })).toEqual({ noteText: "常設化への支持。" });

    const themes = await prisma.theme.findMany({ where: { workspaceId: world.workspace.id }, select: { id: true, name: true, parentId: true, colour: true } });
    const byId = new Map(themes.map((t) => [t.id, t]));
    const credibility = themes.find((t) => t.name === "Credibility")!;
    expect(byId.get(byId.get(credibility.parentId!)!.parentId!)!.name).toBe("Deterrence");
    expect(credibility.colour).toBe("#9999cc");
    const links = await prisma.link.findMany({ where: { workspaceId: world.workspace.id }, select: { kind: true, fromKind: true, toKind: true } });
    expect(links.map((l) => `${l.fromKind}-${l.kind}-${l.toKind}`).sort()).toEqual(["annotation-elaborates-annotation", "annotation-opposes-node", "annotation-supports-annotation", "annotation-supports-node"]);
  }, 120_000);
});

describe("bad input", () => {
  it("refuses a project.qde invalid against the schema, listing the errors, importing nothing", async () => {
    const before = await docCount();
    const bad = tinyProject(`<PlainTextSelection guid="not-a-guid" startPosition="x"/>`);
    const r = await refusal(bad);
    expect(r).toMatchObject({ code: "invalid_input", message: "qdpx_schema_invalid" });
    expect(r.errors.join("\n")).toMatch(/guid/);
    expect(r.errors.join("\n")).toMatch(/startPosition|endPosition/);
    expect(await docCount()).toBe(before);
  });

  it("refuses duplicate GUIDs", async () => {
    const r = await refusal(tinyProject(sel(1, 0, 3) + sel(1, 3, 5)));
    expect(r.errors).toEqual(["duplicate GUID 20000000-0000-4000-8000-000000000001"]);
  });

  it("reports selections out of range and on a missing source, and imports the rest", async () => {
    const result = await run(tinyProject(sel(1, 0, 3) + sel(2, 5, 999) + sel(3, 7, 2)));
    if (result.kind !== "qdpx") throw new Error("kind");
    expect(result.report.annotations).toBe(1);
    expect(result.report.notPlaced.map((n) => [n.reason, n.start, n.end])).toEqual([["out_of_range", 5, 999], ["out_of_range", 7, 2]]);
    const missing = zipSync({ "project.qde": unzipProject(tinyProject(sel(4, 0, 3))) });
    const r2 = await run(missing);
    if (r2.kind !== "qdpx") throw new Error("kind");
    expect(r2.report.missingSources).toEqual([{ name: "tiny", path: "internal://t.txt" }]);
    expect(r2.report.notPlaced.map((n) => n.reason)).toEqual(["missing_source"]);
  });

  it("refuses path traversal and absolute names in the archive, importing nothing", async () => {
    const before = await docCount();
    const qde = unzipProject(tinyProject(sel(5, 0, 3)));
    for (const name of ["Sources/../../etc/t.txt", "/etc/t.txt", "C:/t.txt"]) {
      const evil = zipSync({ "project.qde": qde, "Sources/t.txt": strToU8("一二三"), [name]: strToU8("x") });
      expect(await refusal(evil)).toMatchObject({ code: "invalid_input", message: "qdpx_unsafe_path" });
    }
    expect(await docCount()).toBe(before);
  });

  it("stops a zip bomb at the real inflated size, whatever the archive declares", async () => {
    const limits = { maxBytes: 10_000_000, maxUncompressedBytes: 8 * 1024 * 1024, maxEntries: 100 };
    const honest = bomb(12);
    await expect(readQdpxZip(honest, limits)).rejects.toMatchObject({ code: "too_large", message: "import_zip_bomb" });
    const lying = bomb(12, 1_000);
    await expect(readQdpxZip(lying, limits)).rejects.toMatchObject({ code: "too_large", message: "import_zip_bomb" });
  });

  it("reads Shift_JIS sources through the import pipeline, positions in the decoded text", async () => {
    const text = "日米同盟の指揮・統制について議論する。拡大抑止は重要だ。";
    const bytes = tinyProject(sel(6, 5, 10) + sel(7, 19, 23), text, { "Sources/t.txt": new Uint8Array(iconv.encode(text, "Shift_JIS")) });
    const result = await run(bytes);
    if (result.kind !== "qdpx") throw new Error("kind");
    expect(result.report.notPlaced).toEqual([]);
    const quotes = (await prisma.annotation.findMany({ where: { documentId: result.report.documents[0]!.id }, select: { exact: true } })).map((a) => a.exact).sort();
    expect(quotes).toEqual(["拡大抑止", "指揮・統制"].sort());
  });

  it("imports codes nested 30 deep as a 30-level theme tree", async () => {
    let codes = "";
    for (let d = 30; d >= 1; d--) codes = `<Code guid="{30000000-0000-4000-8000-${String(d).padStart(12, "0")}}" name="level ${d}" isCodable="true">${codes}</Code>`;
    const qde = `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="deep"><CodeBook><Codes>${codes}</Codes></CodeBook></Project>`;
    const w = await makeWorld();
    const result = await run(zipSync({ "project.qde": strToU8(qde) }), w);
    expect(result.kind === "qdpx" && result.report.themes.created).toBe(30);
    const themes = await prisma.theme.findMany({ where: { workspaceId: w.workspace.id }, select: { id: true, name: true, parentId: true } });
    const byId = new Map(themes.map((t) => [t.id, t]));
    let depth = 1;
    for (let t = themes.find((x) => x.name === "level 30"); t?.parentId; t = byId.get(t.parentId)) depth++;
    expect(depth).toBe(30);
  });

  it("validates and reads a 50 MB project.qde within bounds", async () => {
    const memo = "長い説明。".repeat(3_500_000);
    const qde = `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="big"><Sources><TextSource guid="{40000000-0000-4000-8000-000000000001}" name="big" plainTextPath="internal://t.txt"><Description>${memo}</Description>${sel(8, 0, 3)}</TextSource></Sources></Project>`;
    expect(Buffer.byteLength(qde)).toBeGreaterThan(50 * 1024 * 1024);
    const started = performance.now();
    const result = await run(zipSync({ "project.qde": strToU8(qde), "Sources/t.txt": strToU8("一二三四五") }, { level: 1 }));
    expect(result.kind === "qdpx" && result.report.annotations).toBe(1);
    expect(performance.now() - started).toBeLessThan(60_000);
  }, 120_000);
});

function unzipProject(bytes: Uint8Array): Uint8Array {
  return unzipSync(bytes)["project.qde"]!;
}

/** A .qdpx whose Sources/big.txt really inflates to `realMb` MB (declared size lying when given). */
function bomb(realMb: number, declaredBytes?: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  const entry = new ZipDeflate("Sources/big.txt", { level: 1 });
  zip.add(entry);
  const filler = new Uint8Array(1024 * 1024).fill(0x61);
  for (let i = 0; i < realMb; i++) entry.push(filler, i === realMb - 1);
  const project = new ZipDeflate("project.qde", { level: 1 });
  zip.add(project);
  project.push(strToU8('<Project xmlns="urn:QDA-XML:project:1.0" name="b"/>'), true);
  zip.end();
  const bytes = new Uint8Array(Buffer.concat(chunks));
  if (declaredBytes !== undefined) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = strToU8("Sources/big.txt");
    for (let i = 0; i + 46 + name.length <= bytes.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50 && name.every((b, k) => bytes[i + 46 + k] === b)) view.setUint32(i + 24, declaredBytes, true);
    }
  }
  return bytes;
}
