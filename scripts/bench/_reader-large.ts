/**
 * The reader benchmark's long-document figures (issue 19): four panes, each a ~1.6 MB Japanese
 * document made by repeating the demo papers (tests/support/long-document, generated here, never
 * committed) with 2,000 annotations.
 *
 * - `reader_large_first_text_ms`: navigation start → the frame after the last pane painted its
 *   highlights over its text (the "painted" mark), median of RUNS cold loads.
 * - `reader_large_scroll_longest_task_ms`: the longest main-thread task (Long Tasks API) while
 *   each pane is scrolled end to end, a few viewports per frame.
 * - `reader_large_dom_nodes`: elements in the page once all four panes show text.
 * - `reader_large_page_bytes`: bytes transferred for the document and its fetches (the page and
 *   the texts; scripts, styles and fonts are the same for every page and cached), against the
 *   four texts gzipped.
 * Baselines: the figures for the same page before virtualisation (3,700 ms, 715 ms,
 * 47,000 elements, 9.8 MB of HTML).
 */
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import type { BenchResult } from "../bench";
import { quantile, round2 } from "./_collab-world";

const RUNS = 2;
export const LARGE_CHARS = 580_000;

interface Load {
  first: number;
  nodes: number;
  bytes: number;
}

async function load(browser: Browser, baseUrl: string, url: string, signIn: (p: Page) => Promise<void>, panes: number, scroll: boolean): Promise<Load & { longest: number }> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: "ja-JP", viewport: { width: 1600, height: 1000 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: "longtask", buffered: true });
    });
    await signIn(page);
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction((n) => performance.getEntriesByName("synoptic:painted").length >= n, panes, { timeout: 120_000, polling: 50 });
    const got = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const fetched = performance
        .getEntriesByType("resource")
        .filter((r) => ["fetch", "xmlhttprequest"].includes((r as PerformanceResourceTiming).initiatorType))
        .reduce((n, r) => n + (r as PerformanceResourceTiming).transferSize, 0);
      return {
        first: Math.max(...performance.getEntriesByName("synoptic:painted").map((e) => e.startTime)),
        nodes: document.getElementsByTagName("*").length,
        bytes: nav.transferSize + fetched,
      };
    });
    let longest = 0;
    if (scroll) {
      await page.waitForTimeout(1_000);
      await page.evaluate(() => ((window as unknown as { __long: number[] }).__long.length = 0));
      // Each pane end to end, three viewports a frame (a fast fling), then back to the top.
      await page.evaluate(async () => {
        for (const el of document.querySelectorAll<HTMLElement>("[data-testid=pane-scroll]")) {
          while (el.scrollTop + el.clientHeight < el.scrollHeight - 2) {
            el.scrollTop += el.clientHeight * 3;
            await new Promise((r) => requestAnimationFrame(r));
          }
          el.scrollTop = 0;
          await new Promise((r) => requestAnimationFrame(r));
        }
      });
      longest = await page.evaluate(() => Math.max(0, ...(window as unknown as { __long: number[] }).__long));
    }
    return { ...got, longest };
  } finally {
    await context.close();
  }
}

export async function largeFigures(browser: Browser, baseUrl: string, url: string, signIn: (p: Page) => Promise<void>, texts: string[]): Promise<BenchResult[]> {
  await load(browser, baseUrl, url, signIn, texts.length, false);
  const runs: (Load & { longest: number })[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await load(browser, baseUrl, url, signIn, texts.length, i === RUNS - 1));
  const first = quantile(runs.map((r) => r.first), 0.5);
  const longest = runs[runs.length - 1]!.longest;
  const nodes = Math.max(...runs.map((r) => r.nodes));
  const bytes = quantile(runs.map((r) => r.bytes), 0.5);
  const gz = texts.reduce((n, t) => n + gzipSync(Buffer.from(t, "utf8")).length, 0);
  return [
    { metric: "reader_large_first_text_ms", value: round2(first), unit: "ms", target: 1000, baseline: 3700, ratio: round2(first / 3700) },
    { metric: "reader_large_scroll_longest_task_ms", value: round2(longest), unit: "ms", target: 50, baseline: 715, ratio: round2(longest / 715) },
    { metric: "reader_large_dom_nodes", value: nodes, unit: "elements", target: 5000, baseline: 47000, ratio: round2(nodes / 47000) },
    { metric: "reader_large_page_bytes", value: bytes, unit: "bytes", target: Math.round(1.2 * gz), baseline: gz, ratio: round2(bytes / gz) },
  ];
}
