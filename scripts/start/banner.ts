import { DEMO_USERS, DEMO_WORKSPACE } from "../../lib/server/demo/seed-demo";

/** What a newcomer needs on the console: where the app is and how to sign in. */
export function printBanner(port: number, demo: boolean): void {
  const lines = [``, `  Synoptic is running at http://localhost:${port}`];
  if (demo) {
    lines.push(``, `  Demo workspace 「${DEMO_WORKSPACE.name}」 — sign in with:`);
    for (const u of DEMO_USERS) lines.push(`    ${u.role.padEnd(9)} ${u.email}  /  ${u.password}`);
  }
  lines.push(``, `  Press Ctrl-C to stop.`, ``);
  process.stdout.write(lines.join("\n") + "\n");
}
