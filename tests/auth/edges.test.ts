/**
 * Every route handler and server action must be an adapter over an operation, and
 * every operation must enforce its declared permission. Adding an edge that skips
 * the wrapper, or an operation whose check is missing, fails this test.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OPERATION } from "../../lib/server/http/adapt";
import { ORIGIN_CHECKED } from "../../lib/server/http/origin-guard";
import type { Operation, Permission } from "../../lib/server/ops/define";
import { can } from "../../lib/core/permissions";
import { ROLES } from "../../lib/core/roles";
import { isAppError } from "../../lib/core/errors";
import { makeWorld } from "../support/factories";
import type { z } from "zod";

const root = path.resolve(import.meta.dirname, "../..");
// next-auth's own endpoint authenticates by itself and exposes no workspace data.
const ALLOWLIST = new Set(["app/api/auth/[...nextauth]/route.ts"]);
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = path.join(dir, e);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const edgeFiles = walk(path.join(root, "app"))
  .map((f) => path.relative(root, f))
  .filter((f) => /(^|\/)route\.ts$/.test(f) || /^\s*["']use server["']/.test(readFileSync(path.join(root, f), "utf8")));

type AnyOp = Operation<z.ZodType, unknown, Permission>;
const operations = new Map<string, AnyOp>();

describe("every edge goes through an operation", () => {
  it("finds the edges", () => {
    expect(edgeFiles.length).toBeGreaterThan(5);
  });
  for (const file of edgeFiles) {
    it(file, async () => {
      const mod = (await import(path.join(root, file))) as Record<string, unknown>;
      const exported = Object.entries(mod).filter(([name, v]) => typeof v === "function" && (!file.endsWith("route.ts") || HTTP_METHODS.includes(name)));
      expect(exported.length).toBeGreaterThan(0);
      if (ALLOWLIST.has(file)) return;
      for (const [name, fn] of exported) {
        const op = (fn as unknown as Record<symbol, AnyOp | undefined>)[OPERATION];
        expect(op, `${file} ${name} is not wrapped by serverAction/routeHandler`).toBeDefined();
        operations.set(op!.name, op!);
        expect((fn as unknown as Record<symbol, unknown>)[ORIGIN_CHECKED], `${file} ${name} skips the Origin check`).toBe(true);
        if (file.endsWith("route.ts") && name !== "GET") {
          // A state-changing route refuses a foreign Origin before anything else, with a 403 and a clear code.
          const forged = new Request("http://localhost:3000/x", { method: name, headers: { origin: "http://evil.example", "content-type": "text/plain" }, body: "{}" });
          const res = await (fn as (r: Request, c: unknown) => Promise<Response>)(forged, { params: Promise.resolve({ workspaceId: "w", documentId: "d" }) });
          expect(res.status, `${file} ${name} with a foreign Origin`).toBe(403);
          expect(await res.json()).toMatchObject({ ok: false, error: { code: "forbidden", message: "origin_forbidden" } });
        }
      }
    });
  }
});

/** An input that passes each operation's schema as far as possible. */
function sampleInput(world: Awaited<ReturnType<typeof makeWorld>>): Record<string, unknown> {
  return {
    workspaceId: world.workspace.id,
    name: "Renamed",
    userId: world.target.id,
    role: "viewer",
    confirmName: "not the name",
    invitationId: "no-such-invitation",
    token: "x".repeat(43),
  };
}

describe("every operation enforces its permission for every role", () => {
  it("checks the operations found above", async () => {
    expect(operations.size).toBeGreaterThan(8);
    for (const op of operations.values()) {
      const p = op.permission;
      if (p.kind === "public") continue;
      // No session → unauthenticated, for every non-public operation.
      const world = await makeWorld();
      await expect(op.execute(null, sampleInput(world)), `${op.name} without a session`).rejects.toMatchObject({ code: "unauthenticated" });
      if (p.kind !== "workspace") continue;

      // An outsider learns nothing: not_found, also with a forged or missing workspace id.
      for (const input of [sampleInput(world), { ...sampleInput(world), workspaceId: "forged-id" }, {}]) {
        await expect(op.execute(world.outsider, input), `${op.name} as outsider`).rejects.toMatchObject({ code: "not_found", message: "workspace_not_found" });
      }
      for (const role of ROLES) {
        const w = await makeWorld(); // fresh world: allowed destructive operations must not leak into the next check
        const outcome = await op.execute(w.members[role], sampleInput(w)).then(
          () => "ok",
          (e: unknown) => (isAppError(e) ? `${e.code}:${e.message}` : `crash:${String(e)}`),
        );
        const allowed = can(role, p.action);
        if (allowed) {
          expect(outcome, `${op.name} as ${role}`).not.toMatch(/^forbidden:role_forbidden|^not_found:workspace_not_found|^crash/);
        } else {
          expect(outcome, `${op.name} as ${role}`).toBe("forbidden:role_forbidden");
        }
      }
    }
  }, 120_000); // a fresh world per operation and role: minutes on a loaded machine
});
