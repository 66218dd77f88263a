/**
 * Done means (#8): one theme's excerpts from the demo workspace, exported in every format from
 * the real build; the DOCX opened with mammoth, the PDF's text extracted with pdfjs (Japanese
 * intact), and the JSON-LD fed back through the importer with every annotation anchored
 * exactly. The theme and annotations are written through the collab server's direct-write
 * path, as any non-browser writer does.
 */
import { mkdirSync } from "node:fs";
import { randomBytes } from "node:crypto";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { baseUrl, launchBrowser, newPerson, signIn } from "./support/browser";
import { DEMO_USERS, DEMO_WORKSPACE } from "../lib/server/demo/seed-demo";
import { createCollabServer, type CollabServer } from "../lib/collab/server";
import { annotationsDocName, buildAnchor, metaDocName } from "../lib/core/collab";
import { sendCollabOperations } from "../lib/server/collab/send-collab-operations";
import { importAnnotationsOp } from "../lib/server/interop/import-annotations";
import { extractPdf } from "../lib/server/import/extract-pdf";
import { prisma, disconnectPrisma } from "../lib/infra/db/client";

const SHOTS = ".test-data/screenshots";
const THEME = { id: `theme-e2e-${randomBytes(3).toString("hex")}`, name: "拡大抑止（E2E）", colour: "#336699" };
/** Quotes per demo paper (by position in demo.json): the first two of each carry the theme. */
const QUOTES: Record<number, string[]> = { 1: ["拡大抑止", "同盟調整メカニズム", "情報共有"], 3: ["日米同盟", "抑止力"] };

let browser: Browser;
let collab: CollabServer;
let workspaceId: string;
const themed: { documentId: string; quote: string }[] = [];
const unthemed: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  const secret = randomBytes(32).toString("base64url");
  collab = await createCollabServer({ port: 0, host: "127.0.0.1", secret, allowedOrigins: [], debounceMs: 50, maxDebounceMs: 300 });
  process.env.COLLAB_TOKEN_SECRET = secret;
  process.env.COLLAB_INTERNAL_URL = collab.url.replace(/^ws/, "http");

  const ws = await prisma.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACE.slug } });
  workspaceId = ws.id;
  const ken = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_USERS[1].email } });
  const actor = { id: ken.id, name: ken.name };
  await sendCollabOperations({ documentName: metaDocName(ws.id), actor, operations: [{ op: "upsertTheme", input: THEME }] });
  const docs = await prisma.document.findMany({ where: { workspaceId: ws.id }, orderBy: { createdAt: "asc" }, include: { versions: { orderBy: { number: "desc" }, take: 1 } } });
  for (const [index, quotes] of Object.entries(QUOTES)) {
    const doc = docs[Number(index)]!;
    const v = doc.versions[0]!;
    const operations = quotes.map((quote, i) => {
      const start = v.text.indexOf(quote);
      if (start < 0) throw new Error(`${quote} not in ${doc.title}`);
      if (i < 2) themed.push({ documentId: doc.id, quote });
      else unthemed.push(quote);
      return { op: "createAnnotation" as const, input: { anchor: buildAnchor(v.text, v.id, start, start + quote.length), colour: "#ffcc00", themeIds: i < 2 ? [THEME.id] : [], ...(i === 0 ? { note: `E2E のメモ：${quote}` } : {}) } };
    });
    await sendCollabOperations({ documentName: annotationsDocName(ws.id, doc.id), actor, operations });
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await collab?.destroy();
  await disconnectPrisma();
});

describe("exporting one theme's excerpts from the demo workspace", () => {
  it("builds the export in the UI, downloads every format, and reads each back", async () => {
    const { page, context } = await newPerson(browser);
    await signIn(page, DEMO_USERS[0].email, DEMO_USERS[0].password, `/w/${DEMO_WORKSPACE.slug}/export`);
    const builder = page.getByTestId("export-builder");
    await builder.waitFor();

    // Choose the theme, group by theme: the preview shows exactly its excerpts.
    await page.getByTestId("export-themes").getByLabel(THEME.name).check();
    await page.getByTestId("export-group-by").selectOption("theme");
    await expect.poll(() => page.getByTestId("export-count").innerText(), { timeout: 10_000 }).toContain(`${themed.length} 件`);
    const previewText = await page.getByTestId("export-preview").innerText();
    for (const t of themed) expect(previewText).toContain(t.quote);
    for (const q of unthemed) expect(previewText).not.toContain(q);
    await page.screenshot({ path: `${SHOTS}/export-ja.png`, fullPage: true });

    // The download button (DOCX) through the browser, with the file name from the server.
    await page.getByTestId("export-format").selectOption("docx");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-download").click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    expect(download.suggestedFilename()).toContain(DEMO_WORKSPACE.name);
    const docxPath = await download.path();
    const docx = await mammoth.extractRawText({ path: docxPath });
    for (const t of themed) expect(docx.value).toContain(t.quote);
    for (const q of unthemed) expect(docx.value).not.toContain(q);
    expect(docx.value).toContain(THEME.name);
    expect(docx.value).toContain(`E2E のメモ：${themed[0]!.quote}`);

    // Every format through the same route, with the signed-in person's cookies.
    const get = async (format: string) => {
      const res = await context.request.get(`/api/workspaces/${workspaceId}/export?format=${format}&themes=${THEME.id}&groupBy=theme&lang=ja`);
      expect(res.status(), format).toBe(200);
      expect(res.headers()["content-disposition"]).toMatch(new RegExp(`^attachment; filename="synoptic-demo-excerpts-\\d{8}\\.${format}"; filename\\*=UTF-8''`));
      return res.body();
    };
    const md = (await get("md")).toString("utf8");
    expect(md).toContain(`## ${THEME.name}`);
    for (const t of themed) expect(md).toContain(`> ${t.quote}`);
    expect(md).toContain(`/w/${DEMO_WORKSPACE.slug}/compare?d=${themed[0]!.documentId}&focus=`);

    const csv = await get("csv");
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8").split("\r\n").filter(Boolean)).toHaveLength(themed.length + 1);

    const html = (await get("html")).toString("utf8");
    for (const t of themed) expect(html).toContain(`<blockquote>${t.quote}</blockquote>`);

    const pdf = await get("pdf");
    const { pages } = await extractPdf(new Uint8Array(pdf));
    const pdfText = pages.join("\n").replace(/\s+/g, "");
    for (const t of themed) expect(pdfText).toContain(t.quote);
    expect(pdfText).toContain(THEME.name);
    expect(pdfText).toContain(`E2Eのメモ：${themed[0]!.quote}`);
    expect(pdfText).not.toContain("\ufffd");

    const jsonld = await get("jsonld");
    const collection = JSON.parse(jsonld.toString("utf8"));
    expect(collection).toMatchObject({ type: "AnnotationCollection", total: themed.length });

    // Back through the importer: every annotation anchors exactly.
    const ken = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_USERS[1].email }, select: { id: true, email: true, name: true } });
    const before = await prisma.annotation.count({ where: { workspaceId } });
    const result = await importAnnotationsOp.execute(ken, { workspaceId, bytes: new Uint8Array(jsonld) });
    expect(result.report).toEqual({ exact: themed.length, fuzzy: 0, orphaned: 0 });
    expect(result.imported).toBe(themed.length);
    expect(await prisma.annotation.count({ where: { workspaceId } })).toBe(before + themed.length);
    await context.close();
  });

  it("refuses outsiders and shows an empty, valid export when nothing matches", async () => {
    const anonymous = await fetch(`${baseUrl()}/api/workspaces/${workspaceId}/export?format=md`);
    expect(anonymous.status).toBe(401);
    const { page, context } = await newPerson(browser, "en-US");
    await signIn(page, DEMO_USERS[0].email, DEMO_USERS[0].password, `/w/${DEMO_WORKSPACE.slug}/export`);
    const res = await context.request.get(`/api/workspaces/${workspaceId}/export?format=jsonld&from=1999-01-01&to=1999-01-02`);
    expect(JSON.parse((await res.body()).toString("utf8"))).toMatchObject({ type: "AnnotationCollection", total: 0 });
    await page.getByTestId("export-status").selectOption("resolved");
    await expect.poll(() => page.getByTestId("export-count").innerText(), { timeout: 10_000 }).toContain("No excerpts match");
    await page.screenshot({ path: `${SHOTS}/export-en-empty.png`, fullPage: true });
    await context.close();
  });
});
