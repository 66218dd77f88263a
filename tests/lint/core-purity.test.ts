/**
 * The lint zones that keep lib/core pure must catch relative imports too (issue #17): a core
 * file importing `../server/log` (now `../infra/log`) used to pass, since the name patterns matched `@/` paths only.
 * ESLint runs on virtual files under lib/core with the project's own config.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(code: string, file = "lib/core/zz-lint-fixture.ts"): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.line}`);
}

describe("lib/core purity lint", () => {
  it("refuses relative and aliased imports of the server, the collab layer, the UI and routes", async () => {
    const found = await problems(
      [
        'import { logger } from "../infra/log";',
        'import { linksMap } from "../collab/model/structure";',
        'import { prisma } from "@/lib/infra/db/client";',
        'import * as Layout from "../../app/layout";',
        "export const x = [logger, linksMap, prisma, Layout];",
      ].join("\n"),
    );
    expect(found).toEqual(expect.arrayContaining(["import-x/no-restricted-paths: 1", "import-x/no-restricted-paths: 2", "import-x/no-restricted-paths: 3", "import-x/no-restricted-paths: 4"]));
  }, 60_000);

  it("refuses React, Next, Prisma, Yjs, node:* and the DOM", async () => {
    const found = await problems(
      ['import * as Y from "yjs";', 'import { useState } from "react";', 'import { readFileSync } from "node:fs";', 'import { PrismaClient } from "@prisma/client";', "export const x = [Y, useState, readFileSync, PrismaClient, window.location];"].join("\n"),
    );
    expect(found).toEqual(expect.arrayContaining(["no-restricted-imports: 1", "no-restricted-imports: 2", "no-restricted-imports: 3", "no-restricted-imports: 4", "no-restricted-globals: 5"]));
  }, 60_000);

  it("lets the core import itself and zod", async () => {
    expect(await problems('import { z } from "zod";\nimport { AppError } from "./errors";\nexport const x = [z, AppError];')).toEqual([]);
  }, 60_000);
});

describe("lib/collab and lib/infra boundaries", () => {
  it("refuses lib/server in the collab layer (bar the projection's side effects) and both in lib/infra", async () => {
    const collab = await problems('import { roleOf } from "../../server/ops/define";\nimport { indexAnnotations } from "../../server/search/index-sources";\nexport const x = [roleOf, indexAnnotations];', "lib/collab/server/zz-lint-fixture.ts");
    expect(collab).toEqual(["import-x/no-restricted-paths: 1"]);
    const infra = await problems('import { roleOf } from "../server/ops/define";\nimport { linksMap } from "../collab/model/structure";\nexport const x = [roleOf, linksMap];', "lib/infra/zz-lint-fixture.ts");
    expect(infra).toEqual(["import-x/no-restricted-paths: 1", "import-x/no-restricted-paths: 2"]);
  }, 60_000);
});
