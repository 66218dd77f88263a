import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "../../lib/infra/db/client";
import { closeExtractPool, createExtractPool, extractInWorker } from "../../lib/server/import/extract-pool";
import { importDocumentOp } from "../../lib/server/import/import-document";
import { makeWorld } from "../support/factories";
import { makeMarkdown, makePdf } from "../support/fixtures";
import { bombDocx, garbagePdf, heavyHtml, hugeText, manyEntriesDocx, nestedHtml, nestedTablesDocx } from "../support/hostile-files";

afterAll(() => closeExtractPool());

/** Runs `fn` and returns how long it took to settle, with its error if it threw. */
async function timed(fn: () => Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const t0 = performance.now();
  let error: unknown = null;
  try {
    await fn();
  } catch (e) {
    error = e;
  }
  return { ms: performance.now() - t0, error };
}

let lyingDocx: Uint8Array | null = null;
/** Built once (streaming 110 MB through deflate takes seconds on a loaded machine). */
const lying = () => (lyingDocx ??= bombDocx(110, 1024));

/** "Within seconds": typically under one; the bound leaves room for a loaded 2-core CI machine. */
const SECONDS = 10_000;

describe("hostile files get a clear AppError within seconds", () => {
  const cases: [string, () => Uint8Array | Promise<Uint8Array>, string][] = [
    ["deep.html (20,000 levels)", () => nestedHtml(20_000), "import_too_complex_nesting"],
    ["lying.docx (declares 1 KB, inflates to 110 MB)", lying, "import_zip_bomb"],
    ["bomb.docx (honestly 110 MB of XML)", () => bombDocx(110), "import_zip_bomb"],
    ["parts.docx (10,000 entries)", () => manyEntriesDocx(10_000), "import_too_complex_entries"],
    // mammoth recurses per level: the worker's stack overflows, which is reported, not taken for damage.
    ["tables.docx (5,000 nested tables)", () => nestedTablesDocx(5_000), "import_too_complex_nesting"],
    ["locked.pdf (encrypted)", () => makePdf({ encrypted: true }), "import_pdf_encrypted"],
    ["huge.txt (20 MB of valid text)", () => hugeText(20), "import_too_large"],
  ];
  for (const [label, make, key] of cases) {
    it(label, async () => {
      const bytes = await make();
      const name = label.split(" ")[0]!;
      const r = await timed(() => extractInWorker(name, bytes));
      expect(r.error).toMatchObject({ name: "AppError", message: key });
      expect(r.ms).toBeLessThan(SECONDS);
    }, 60_000); // building a 110 MB bomb takes the test itself seconds on a loaded machine
  }

  it("garbage.pdf (noise after the header)", async () => {
    const r = await timed(() => extractInWorker("garbage.pdf", garbagePdf()));
    expect(r.error).toMatchObject({ name: "AppError" });
    expect(["import_corrupt_pdf", "import_pdf_no_text"]).toContain((r.error as Error).message);
    expect(r.ms).toBeLessThan(SECONDS);
  });
});

describe("deep but allowed HTML", () => {
  it("1,000 nested levels import in a linear pass (no Readability) with a warning", async () => {
    const t0 = performance.now();
    const src = await extractInWorker("deep.html", nestedHtml(1_000));
    expect(performance.now() - t0).toBeLessThan(SECONDS);
    expect(src.normalised.text).toContain("深い入れ子の中の本文です。");
    expect(src.normalised.warnings).toContain("html_simplified");
    expect(src.title).toBe("入れ子");
  });
});

describe("the worker pool bounds time and memory", () => {
  it("a worker past its deadline is terminated and replaced; the next file imports", async () => {
    const pool = createExtractPool({ timeoutMs: 300, heapMb: 512, threads: 1, maxQueue: 4, maxQueueWaitMs: 30_000 });
    try {
      const slow = await timed(() => pool.extract("heavy.html", heavyHtml(3_000, 90)));
      expect(slow.error).toMatchObject({ name: "AppError", code: "too_large", message: "import_too_complex_time" });
      expect(slow.ms).toBeLessThan(SECONDS);
      const next = await pool.extract("a.md", makeMarkdown());
      expect(next.normalised.blocks.length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  it("a file that waits too long for a busy worker is answered busy, not left hanging", async () => {
    const pool = createExtractPool({ timeoutMs: 30_000, heapMb: 512, threads: 1, maxQueue: 4, maxQueueWaitMs: 2_000 });
    try {
      // A started worker first (a cold start on a loaded machine can itself outlast the wait).
      await pool.extract("warm-up.md", makeMarkdown()).catch(() => pool.extract("warm-up.md", makeMarkdown()));
      // Readability for several seconds; the pool is destroyed under it at the end.
      pool.extract("heavy.html", heavyHtml(3_000, 90)).catch(() => {});
      const t0 = performance.now();
      const waiting = await timed(() => pool.extract("a.md", makeMarkdown()));
      expect(waiting.error).toMatchObject({ name: "AppError", code: "rate_limited", message: "import_busy" });
      expect(performance.now() - t0).toBeLessThan(SECONDS);
    } finally {
      await pool.close();
    }
  });

  it("a worker that runs out of heap dies and is replaced; the next file imports", async () => {
    const pool = createExtractPool({ timeoutMs: 30_000, heapMb: 24, threads: 1, maxQueue: 4, maxQueueWaitMs: 30_000 });
    try {
      const big = await timed(() => pool.extract("big.txt", hugeText(4)));
      expect(big.error).toMatchObject({ name: "AppError", code: "too_large", message: "import_too_complex_memory" });
      const next = await pool.extract("a.md", makeMarkdown());
      expect(next.normalised.blocks.length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });
});

describe("the server stays responsive while hostile files are imported", () => {
  it("a health endpoint on this thread answers fast throughout, and failed imports store nothing", async () => {
    const server: Server = createServer((_req, res) => res.end('{"ok":true}'));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/health`;
    const w = await makeWorld();
    const count = () => prisma.document.count({ where: { workspaceId: w.workspace.id } });
    const before = await count();
    const latencies: number[] = [];
    let importing = true;
    const probe = (async () => {
      while (importing) {
        const t0 = performance.now();
        await (await fetch(url)).text();
        latencies.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const run = (fileName: string, bytes: Uint8Array) => importDocumentOp.execute(w.members.editor, { workspaceId: w.workspace.id, fileName, bytes });
    try {
      // Extracted in the worker (about 15 s of Readability if it ran on this thread).
      const deep = await run("deep.html", nestedHtml(1_000));
      const results = await Promise.allSettled([run("lying.docx", lying()), run("deeper.html", nestedHtml(20_000)), run("heavy.html", heavyHtml(600, 90))]);
      importing = false;
      await probe;
      expect(deep.id).toBeTruthy();
      expect(results.map((r) => (r.status === "rejected" ? (r.reason as Error).message : "imported"))).toEqual(["import_zip_bomb", "import_too_complex_nesting", "imported"]);
      expect(await count()).toBe(before + 2);
    } finally {
      importing = false;
      await probe;
      server.close();
    }
    latencies.sort((a, b) => a - b);
    expect(latencies.length).toBeGreaterThan(5);
    // Under a second even on a loaded 2-core machine; without the pool the deep HTML alone blocked for 15 s.
    expect(latencies[latencies.length - 1]).toBeLessThan(1_000);
  }, 120_000);
});
