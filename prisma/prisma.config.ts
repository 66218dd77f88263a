import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate` (see scripts/prisma-generate.ts);
// migrations run through @prisma/schema-engine-wasm, so no URL is needed here.
export default defineConfig({
  schema: "schema.prisma",
  migrations: { path: "migrations" },
});
