/**
 * Reader benchmark, in headless chromium against a production build with the real collab server:
 *
 * - `reader_first_highlights_ms`: the compare view with 4 demo papers and 2,000 annotations on
 *   each, from navigation start to the frame after every pane has painted its highlights
 *   (median of RUNS cold loads, each in a fresh browser context: no IndexedDB cache). Baseline:
 *   the same page before any annotation exists.
 * - `reader_remote_paint_ms`: script time to place and paint one annotation that arrives from
 *   another client (median of SAMPLES, measured in the page around the Yjs observer's work).
 *   Baseline: repainting a whole pane of 2,000 annotations, the simplest way to stay in step.
 *
 * - The long-document figures (`reader_large_*`, issue 19): see ./_reader-large.ts.
 *   `BENCH_READER=large` runs only those, `BENCH_READER=small` only the ones above.
 *
 * Starts its own database, collab server and `next start`, and stops them all.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import type { BenchResult } from "../bench";
import { quantile, round2 } from "./_collab-world";
import { waitHttp } from "./_http";
import { LARGE_CHARS, largeFigures } from "./_reader-large";

const root = fileURLToPath(new URL("../..", import.meta.url));
const PANES = 4;
const PER_DOC = 2_000;
const RUNS = 3;
const SAMPLES = 30;
const COLOURS = ["#f5c518", "#3aa66a", "#3b82d6", "#e05a9c", "#8b5cd6"];

/**
 * Navigation start → the last pane's "painted" mark (first highlights, from the server's
 * snapshot) and its "live" mark (the Y.Doc synced and painted), in ms of the page clock.
 */
async function firstHighlights(browser: Browser, baseUrl: string, compareUrl: string, signIn: (p: Page) => Promise<void>): Promise<{ first: number; live: number }> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: "ja-JP", viewport: { width: 1600, height: 1000 } });
  try {
    const page = await context.newPage();
    if (process.env.BENCH_DEBUG) {
      await page.addInitScript(() => {
        const w = window as unknown as { __long: string[] };
        w.__long = [];
        new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__long.push(`${Math.round(e.startTime)}+${Math.round(e.duration)}`))).observe({ type: "longtask", buffered: true });
      });
    }
    await signIn(page);
    // BENCH_PROFILE=dir: a CPU profile of each load (open in Chrome DevTools' Performance panel).
    const cdp = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
    }
    await page.goto(compareUrl, { waitUntil: "commit" });
    await page.waitForFunction((n) => performance.getEntriesByName("synoptic:live").length >= n, PANES, { timeout: 60_000, polling: 50 });
    if (cdp) {
      const { profile } = await cdp.send("Profiler.stop");
      const { mkdirSync, writeFileSync } = await import("node:fs");
      mkdirSync(process.env.BENCH_PROFILE!, { recursive: true });
      writeFileSync(path.join(process.env.BENCH_PROFILE!, `reader-${Date.now()}.cpuprofile`), JSON.stringify(profile));
      await cdp.detach();
    }
    if (process.env.BENCH_DEBUG) {
      // Where the time goes: document response, DOM ready, collab session start, Y.Doc loads, paints.
      const steps = await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const marks = performance.getEntriesByType("mark").filter((m) => m.name.startsWith("synoptic:"));
        const full = performance.getEntriesByName("synoptic:full-paint").map((m) => Math.round(m.duration));
        const long = (window as unknown as { __long?: string[] }).__long ?? [];
        const nodes = document.getElementsByTagName("*").length;
        const res = performance.getEntriesByType("resource").map((r) => `${r.name.replace(location.origin, "").slice(0, 60)} ${Math.round(r.startTime)}-${Math.round((r as PerformanceResourceTiming).responseEnd)} ${(r as PerformanceResourceTiming).encodedBodySize}`);
        return { responseEnd: Math.round(nav.responseEnd), domContentLoaded: Math.round(nav.domContentLoadedEventEnd), nodes, res, long, marks: marks.map((m) => `${m.name}@${Math.round(m.startTime)}`), full };
      });
      process.stderr.write(`${JSON.stringify(steps)}\n`);
    }
    return page.evaluate(() => ({
      first: Math.max(...performance.getEntriesByName("synoptic:painted").map((e) => e.startTime)),
      live: Math.max(...performance.getEntriesByName("synoptic:live").map((e) => e.startTime)),
    }));
  } finally {
    await context.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  process.env.LOG_LEVEL ??= "warn";
  const previousUrl = process.env.DATABASE_URL;
  const { createTestDatabase } = await import("../../tests/support/test-database");
  const { freePort } = await import("../../lib/infra/db/embedded");
  const db = await createTestDatabase("bench-reader");
  process.env.DATABASE_URL = db.url;
  const children: ChildProcess[] = [];
  let collab: { destroy(): Promise<void> } | null = null;
  let browser: Browser | null = null;
  const handles: { destroy(): void }[] = [];
  try {
    const { seedDemoIfEmpty, DEMO_USERS, DEMO_WORKSPACE } = await import("../../lib/server/demo/seed-demo");
    const { prisma } = await import("../../lib/infra/db/client");
    await seedDemoIfEmpty(path.join(root, "prisma", "demo"));
    const ws = await prisma.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACE.slug }, select: { id: true } });
    const owner = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_USERS[0].email }, select: { id: true, name: true } });
    const docs = await prisma.document.findMany({
      where: { workspaceId: ws.id },
      orderBy: { createdAt: "asc" },
      take: PANES,
      select: { id: true, versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, text: true } } },
    });

    const port = await freePort();
    const collabPort = await freePort();
    const baseUrl = `http://localhost:${port}`;
    const secret = randomBytes(32).toString("base64url");
    const env = {
      ...process.env,
      DATABASE_URL: db.url,
      PORT: String(port),
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      COLLAB_TOKEN_SECRET: secret,
      COLLAB_PORT: String(collabPort),
      COLLAB_PUBLIC_URL: `ws://localhost:${collabPort}`,
      NODE_ENV: "production" as const,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    const { createCollabServer } = await import("../../lib/collab/server");
    collab = await createCollabServer({ port: collabPort, secret, allowedOrigins: [baseUrl], databaseUrl: db.url });
    const { buildIfNeeded } = await import("../start/build");
    const { nextBin } = await import("../start/next-bin");
    await buildIfNeeded(root);
    const web = spawn(process.execPath, [nextBin(), "start", "-p", String(port)], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
    children.push(web);
    await waitHttp(`${baseUrl}/api/health`, 60_000);

    const { launchBrowser } = await import("../../e2e/support/launch");
    browser = await launchBrowser();
    const signIn = async (page: Page) => {
      await page.goto(`/signin?callbackUrl=${encodeURIComponent("/w")}`);
      await page.locator('input[name="email"]').fill(DEMO_USERS[0].email);
      await page.locator('input[name="password"]').fill(DEMO_USERS[0].password);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL((u) => u.pathname.startsWith("/w"));
    };
    const compareUrl = `/w/${DEMO_WORKSPACE.slug}/compare?d=${docs.map((d) => d.id).join(",")}`;

    // 2,000 annotations per paper, through a real client, as people would have made them.
    const { openCollabDoc } = await import("../../lib/collab/client/connect");
    const { mintConnectionToken } = await import("../../lib/collab/auth/token");
    const { annotationsDocName, buildAnchor, createAnnotation } = await import("../../lib/collab/model");
    const token = () => mintConnectionToken({ userId: owner.id, kind: "browser", sessionVersion: 0, secret });
    const annotate = async (list: { id: string; versionId: string; text: string }[]) => {
      const out = [];
      for (const d of list) {
        const h = openCollabDoc({ url: `ws://127.0.0.1:${collabPort}`, name: annotationsDocName(ws.id, d.id), token, origin: baseUrl });
        handles.push(h);
        await h.ready;
        const text = d.text;
        for (let batch = 0; batch < PER_DOC / 500; batch++) {
          h.doc.transact(() => {
            for (let i = batch * 500; i < (batch + 1) * 500; i++) {
              // Spread over the text, 4–60 code units long, some overlapping their neighbours.
              let start = Math.floor(((i * 7919) % PER_DOC) * (text.length / PER_DOC));
              let end = Math.min(text.length, start + 4 + ((i * 31) % 57));
              if (/[\udc00-\udfff]/.test(text[start] ?? "")) start++;
              if (/[\udc00-\udfff]/.test(text[end] ?? "")) end++;
              if (end <= start) continue;
              createAnnotation(h.doc, { anchor: buildAnchor(text, d.versionId, start, end), colour: COLOURS[i % COLOURS.length]! }, owner, new Date());
            }
          });
        }
        out.push({ h, text, versionId: d.versionId });
        const deadline = Date.now() + 60_000;
        while (!h.settled() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      }
      return out;
    };

    const results: BenchResult[] = [];
    if (process.env.BENCH_READER !== "large") results.push(...(await smallFigures()));
    if (process.env.BENCH_READER !== "small") {
      const { createLongDocument } = await import("../../tests/support/long-document");
      const long = [];
      for (let i = 0; i < PANES; i++) long.push(await createLongDocument(ws.id, owner.id, LARGE_CHARS, `長文書 ${i + 1}`));
      await annotate(long);
      // The projection the page's snapshot is read from is written by the collab server's store debounce.
      await new Promise((r) => setTimeout(r, 3_000));
      results.push(...(await largeFigures(browser, baseUrl, `/w/${DEMO_WORKSPACE.slug}/compare?d=${long.map((d) => d.id).join(",")}`, signIn, long.map((d) => d.text))));
    }
    return results;

    async function smallFigures(): Promise<BenchResult[]> {
    // Warm-up (server caches, JIT), then the baseline: no annotations yet.
    await firstHighlights(browser!, baseUrl, compareUrl, signIn);
    const baseline: { first: number; live: number }[] = [];
    for (let i = 0; i < RUNS; i++) baseline.push(await firstHighlights(browser!, baseUrl, compareUrl, signIn));
    const writers = await annotate(docs.map((d) => ({ id: d.id, versionId: d.versions[0]!.id, text: d.versions[0]!.text })));

    await firstHighlights(browser!, baseUrl, compareUrl, signIn);
    const values: { first: number; live: number }[] = [];
    for (let i = 0; i < RUNS; i++) values.push(await firstHighlights(browser!, baseUrl, compareUrl, signIn));
    // Remote paint: the page watches; another client adds annotations one by one.
    const context = await browser!.newContext({ baseURL: baseUrl, locale: "ja-JP", viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    await signIn(page);
    await page.goto(compareUrl);
    await page.waitForFunction((n) => performance.getEntriesByName("synoptic:live").length >= n, PANES, { timeout: 60_000 });
    const w = writers[0]!;
    for (let i = 0; i < SAMPLES; i++) {
      const start = 10 + ((i * 613) % (w.text.length - 40));
      createAnnotation(w.h.doc, { anchor: buildAnchor(w.text, w.versionId, start, start + 12), colour: COLOURS[i % COLOURS.length]! }, owner, new Date());
      await page.waitForFunction((n) => performance.getEntriesByName("synoptic:remote-paint").length >= n, i + 1, { timeout: 10_000, polling: 10 });
    }
    const paints = await page.evaluate(() => performance.getEntriesByName("synoptic:remote-paint").map((e) => e.duration));
    const full = await page.evaluate(() => performance.getEntriesByName("synoptic:full-paint").map((e) => e.duration));
    await context.close();

    const value = quantile(values.map((v) => v.first), 0.5);
    const base = quantile(baseline.map((v) => v.first), 0.5);
    const live = quantile(values.map((v) => v.live), 0.5);
    const liveBase = quantile(baseline.map((v) => v.live), 0.5);
    const paint = quantile(paints, 0.5);
    const fullPaint = quantile(full, 0.5);
    return [
      { metric: "reader_first_highlights_ms", value: round2(value), unit: "ms", target: 1000, baseline: round2(base), ratio: round2(value / base) },
      // Not required by the issue; says how long until the live (editable) layer has replaced the snapshot.
      { metric: "reader_live_highlights_ms", value: round2(live), unit: "ms", target: 1000, baseline: round2(liveBase), ratio: round2(live / liveBase) },
      { metric: "reader_remote_paint_ms", value: round2(paint), unit: "ms", target: 16, baseline: round2(fullPaint), ratio: round2(paint / Math.max(fullPaint, 0.01)) },
    ];
    }
  } finally {
    for (const h of handles) h.destroy();
    await browser?.close();
    for (const c of children) {
      if (c.exitCode === null && c.signalCode === null) {
        const exited = new Promise((r) => c.once("exit", r));
        c.kill("SIGTERM");
        await exited;
      }
    }
    await collab?.destroy();
    const { disconnectPrisma } = await import("../../lib/infra/db/client");
    await disconnectPrisma();
    await db.dispose();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
  }
}
