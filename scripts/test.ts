/**
 * `npm test`: lint, typecheck, unit, integration (real PostgreSQL, real servers)
 * and end-to-end (real Next server, Debian chromium) — stops at the first failing
 * stage and ends with one "N passed, N failed" line over all tests run.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, ".test-data", "results");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const only = process.argv.slice(2);
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

let passed = 0;
let failed = 0;
let skipped = 0;

function run(label: string, cmd: string, args: string[]): boolean {
  process.stdout.write(`\n=== ${label}\n`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "test", NEXT_TELEMETRY_DISABLED: "1" } });
  process.stdout.write(`=== ${label}: ${r.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return r.status === 0;
}

function vitest(project: string): boolean {
  const file = path.join(out, `${project}.json`);
  const ok = run(`${project} tests`, bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile=${file}`]);
  try {
    const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTotalTests: number };
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests;
    if (report.numTotalTests === 0) {
      process.stdout.write(`${project}: no tests ran\n`);
      return false;
    }
  } catch {
    failed += 1; // the runner itself failed before writing a report
  }
  return ok;
}

const stages: [string, () => boolean][] = [
  ["lint", () => run("lint", bin("eslint"), ["--max-warnings", "0", "."])],
  ["typecheck", () => run("typecheck", bin("tsc"), ["--noEmit", "-p", "."])],
  ["unit", () => vitest("unit")],
  ["integration", () => vitest("integration")],
  ["e2e", () => vitest("e2e")],
];

let ok = true;
for (const [name, stage] of stages) {
  if (only.length && !only.includes(name)) continue;
  if (!stage()) {
    ok = false;
    break;
  }
}
process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`);
process.exit(ok && failed === 0 ? 0 : 1);
