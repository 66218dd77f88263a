/**
 * A collab server in its own process for the load benchmarks (not a suite), so its CPU time and
 * memory are measured apart from the load generator. Started by `startBenchServer()`:
 * BENCH_SERVER=full (createCollabServer: auth, append log, persistence, projection; Redis with
 * REDIS_URL) or bare (a plain Hocuspocus server). Answers "stats" over IPC and stores everything
 * on "stop" (graceful shutdown) before exiting.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export interface ServerStats {
  cpuMicros: number;
  rssBytes: number;
}

export interface BenchServer {
  url: string;
  port: number;
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

type Reply = { port: number } | { stats: ServerStats } | { stopped: true };

/** Spawns this file as a child process and waits for its port. */
export async function startBenchServer(opts: { mode: "full" | "bare"; env: Record<string, string> }): Promise<BenchServer> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url)], {
    env: { ...process.env, LOG_LEVEL: "error", ...opts.env, BENCH_SERVER: opts.mode },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const ask = <T extends Reply>(message: string, pick: (r: Reply) => r is T): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMessage = (r: Reply) => {
        if (!pick(r)) return;
        child.off("message", onMessage);
        resolve(r);
      };
      child.on("message", onMessage);
      child.once("exit", (code) => reject(new Error(`bench server exited (${code})`)));
      if (message) child.send(message);
    });
  const { port } = await ask("", (r): r is { port: number } => "port" in r);
  return {
    port,
    url: `ws://127.0.0.1:${port}`,
    stats: async () => (await ask("stats", (r): r is { stats: ServerStats } => "stats" in r)).stats,
    stop: async () => {
      await ask("stop", (r): r is { stopped: true } => "stopped" in r);
      await exited;
    },
    kill: async () => {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

async function serve(): Promise<void> {
  const mode = process.env.BENCH_SERVER;
  const port = Number(process.env.BENCH_PORT ?? 0);
  let stop: () => Promise<void>;
  let actualPort: number;
  if (mode === "bare") {
    const { Server } = await import("@hocuspocus/server");
    const bare = new Server({ port, address: "127.0.0.1", quiet: true, stopOnSignals: false });
    await bare.listen();
    actualPort = bare.address.port;
    stop = () => bare.destroy();
  } else {
    const { createCollabServer } = await import("../../lib/collab/server");
    const { disconnectPrisma } = await import("../../lib/infra/db/client");
    const full = await createCollabServer({
      port,
      host: "127.0.0.1",
      secret: process.env.COLLAB_TOKEN_SECRET!,
      allowedOrigins: [process.env.BENCH_ORIGIN!],
      // The generator opens every socket from one address.
      limits: { perAddress: 100_000, upgradesPerMinute: 1_000_000 },
      appendLog: process.env.COLLAB_APPEND_LOG !== "0",
      ...(process.env.COLLAB_DEBOUNCE_MS ? { debounceMs: Number(process.env.COLLAB_DEBOUNCE_MS) } : {}),
      ...(process.env.REDIS_URL ? { redis: { url: process.env.REDIS_URL, prefix: process.env.REDIS_PREFIX ?? "bench" } } : { redis: null }),
    });
    actualPort = full.port;
    stop = async () => {
      await full.shutdown();
      await disconnectPrisma();
    };
  }
  process.send!({ port: actualPort });
  process.on("message", (m: string) => {
    if (m === "stats") {
      const cpu = process.cpuUsage();
      process.send!({ stats: { cpuMicros: cpu.user + cpu.system, rssBytes: process.memoryUsage().rss } });
    } else if (m === "stop") {
      void stop().then(() => process.send!({ stopped: true }, () => process.exit(0)));
    }
  });
}

if (process.env.BENCH_SERVER) void serve();
