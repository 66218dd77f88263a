/**
 * `npm run db:generate` and the `postinstall` hook: generates the Prisma client into
 * `lib/generated/prisma` with the Prisma CLI, offline.
 *
 * Why a wrapper: Prisma 7's CLI downloads a native schema engine from its own host before any
 * command, even `generate`, which never runs it. Pointing `PRISMA_SCHEMA_ENGINE_BINARY` at any
 * existing file skips the download. Migrations do not use the CLI at all (see
 * lib/infra/db/schema-engine.ts), and the client itself runs on the `@prisma/adapter-pg` driver
 * adapter, so no engine binary is ever needed.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);

/**
 * A stand-in for the schema engine binary. It must exist; it is never executed. A user's own
 * setting wins when it points at a real file (for example a real engine on an online machine).
 * The wasm engine is used because it is, after all, the schema engine; the schema file is the
 * fallback that always exists.
 */
function engineStandIn(): string {
  const own = process.env.PRISMA_SCHEMA_ENGINE_BINARY;
  if (own && existsSync(own)) return own;
  try {
    return require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
  } catch {
    return path.join(root, "prisma", "schema.prisma");
  }
}

function main(): number {
  const cli = require.resolve("prisma/build/index.js");
  const result = spawnSync(process.execPath, [cli, "generate", "--config", "prisma/prisma.config.ts"], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: engineStandIn(),
      // No telemetry ping and no update check: both would try the network.
      CHECKPOINT_DISABLE: "1",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
  if (result.error) {
    console.error(`prisma generate could not start: ${result.error.message}`);
    return 1;
  }
  if (result.status !== 0) console.error("prisma generate failed (see the output above).");
  return result.status ?? 1;
}

process.exit(main());
