/**
 * The collab server as a child process (`scripts/collab.ts`, exactly what `npm start` runs),
 * for crash tests and the durability benchmark: it can be killed with SIGKILL and restarted on
 * the same port, so providers reconnect to it by themselves.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../..", import.meta.url));

export interface ChildCollab {
  port: number;
  url: string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Starts scripts/collab.ts on `port` and resolves once /health answers. */
export async function startChildCollab(opts: { port: number; databaseUrl: string; secret: string; origin: string; env?: Record<string, string> }): Promise<ChildCollab> {
  // `node --import tsx`, not the tsx binary: tsx runs the script in a grandchild process, which a
  // SIGKILL of the wrapper would leave running.
  const child: ChildProcess = spawn(path.join(root, "node_modules", ".bin", "node"), ["--import", "tsx", path.join(root, "scripts", "collab.ts")], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: opts.databaseUrl,
      COLLAB_TOKEN_SECRET: opts.secret,
      COLLAB_PORT: String(opts.port),
      COLLAB_HOST: "127.0.0.1",
      NEXTAUTH_URL: opts.origin,
      LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
      ...opts.env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`collab child exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${opts.port}/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error("collab child did not become healthy");
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port: opts.port,
    url: `ws://127.0.0.1:${opts.port}`,
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
