/**
 * Benchmark runner: `npm run bench -- [suite...]` (no arguments = every suite).
 * Suites are scripts/bench/<suite>.ts, each exporting `run(): Promise<BenchResult[]>`.
 * Prints one JSON line per metric.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface BenchResult {
  metric: string;
  value: number;
  unit: string;
  /** The value the metric must stay under (or over, per metric). */
  target: number;
  /** The same measurement for the simplest thing that could work, for scale. */
  baseline: number;
  /** value / baseline. */
  ratio: number;
}

const SUITES_DIR = fileURLToPath(new URL("./bench/", import.meta.url));

function allSuites(): string[] {
  return readdirSync(SUITES_DIR)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !f.startsWith("_"))
    .map((f) => f.slice(0, -3))
    .sort();
}

async function main(): Promise<number> {
  const requested = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const suites = requested.length > 0 ? requested : allSuites();
  let failed = 0;
  for (const suite of suites) {
    try {
      const mod = (await import(`./bench/${suite}.ts`)) as { run?: () => Promise<BenchResult[]> };
      if (typeof mod.run !== "function") throw new Error("suite does not export run()");
      for (const result of await mod.run()) process.stdout.write(JSON.stringify(result) + "\n");
    } catch (e) {
      failed++;
      process.stderr.write(`bench ${suite}: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
