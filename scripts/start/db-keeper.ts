/**
 * The database of `npm start`, in its own process group. Ctrl-C in a terminal signals the whole
 * foreground group; PostgreSQL must not be in it, or it shuts down while the collab server is
 * still writing its last stores. The supervisor (scripts/start.ts) starts this process detached,
 * gets the URL over IPC, stops its children first and then sends "stop". If the supervisor
 * dies without a word, the IPC channel closes and the database stops all the same.
 */
import { resolveDatabase } from "../../lib/infra/db/resolve";

export type KeeperMessage = { ready: true; url: string; embedded: boolean } | { ready: false; error: string };

async function main(): Promise<void> {
  const send = (m: KeeperMessage) => process.send?.(m);
  let db;
  try {
    db = await resolveDatabase();
  } catch (e) {
    send({ ready: false, error: e instanceof Error ? e.message : String(e) });
    process.exit(1);
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await db.stop().catch(() => {});
    process.exit(0);
  };
  process.on("message", (m) => m === "stop" && void stop());
  process.on("disconnect", () => void stop());
  // Signals sent to this group on purpose (not the terminal's Ctrl-C) stop it too.
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  send({ ready: true, url: db.url, embedded: db.embedded });
}

void main();
