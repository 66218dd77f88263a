import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";

import { runningEmbeddedUrl, startEmbeddedPostgres } from "../../lib/infra/db/embedded";

describe("the command-line tools beside a running npm start", () => {
  it("find the embedded server another process serves from the data directory, and none once it stops", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "synoptic-running-pg-"));
    try {
      expect(await runningEmbeddedUrl(dataDir)).toBeUndefined();
      const server = await startEmbeddedPostgres({ dataDir, port: 0, database: "synoptic" });
      try {
        const url = await runningEmbeddedUrl(dataDir);
        expect(url).toBe(server.url);
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        expect((await client.query<{ one: number }>("SELECT 1 AS one")).rows[0]?.one).toBe(1);
        await client.end();
      } finally {
        await server.stop();
      }
      expect(await runningEmbeddedUrl(dataDir)).toBeUndefined();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
