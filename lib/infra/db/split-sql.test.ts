import { describe, expect, it } from "vitest";
import { splitSqlStatements } from "./split-sql";

describe("splitSqlStatements", () => {
  it("splits at statement ends and drops comments and empty statements", () => {
    const script = `-- Theme hierarchy; parents first.\nALTER TABLE "Theme" ADD COLUMN "parentId" TEXT;\n/* block; with /* nested; */ comment */\nCREATE INDEX "i" ON "Theme"("parentId");;\n`;
    expect(splitSqlStatements(script)).toEqual([`ALTER TABLE "Theme" ADD COLUMN "parentId" TEXT`, `CREATE INDEX "i" ON "Theme"("parentId")`]);
  });

  it("keeps semicolons inside strings, quoted identifiers and dollar-quoted bodies", () => {
    const script = `INSERT INTO t VALUES ('a;b', 'it''s; fine');\nCREATE TABLE "odd;name" (x int);\nCREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql;\nDO $$ BEGIN PERFORM 1; END $$`;
    expect(splitSqlStatements(script)).toEqual([
      `INSERT INTO t VALUES ('a;b', 'it''s; fine')`,
      `CREATE TABLE "odd;name" (x int)`,
      `CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql`,
      `DO $$ BEGIN PERFORM 1; END $$`,
    ]);
  });

  it("leaves a $ that starts no quote alone", () => {
    expect(splitSqlStatements("SELECT $1; SELECT 2")).toEqual(["SELECT $1", "SELECT 2"]);
  });
});
