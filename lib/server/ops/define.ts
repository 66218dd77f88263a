import type { z } from "zod";
import { assertCan, type Action } from "../../core/permissions";
import { AppError } from "../../core/errors";
import type { Role } from "../../core/roles";
import { prisma } from "../../infra/db/client";
import { roleOf } from "../../infra/role-of";

export { roleOf };

/** Who may run an operation. Every operation declares one; there is no default. */
export type Permission =
  | { kind: "public" }
  | { kind: "user" }
  | { kind: "workspace"; action: Action };

export interface Actor {
  id: string;
  email: string;
  name: string;
}

export interface OpContext {
  actor: Actor | null;
  /** The actor's role in the workspace named by the input, for workspace operations. */
  role: Role | null;
  workspaceId: string | null;
  now: Date;
  /** The client's throttling key (`ip:…`), or "local" for callers inside the process (tests, CLI). */
  clientKey: string;
}

export interface AuthedContext extends OpContext {
  actor: Actor;
}
export interface WorkspaceContext extends AuthedContext {
  role: Role;
  workspaceId: string;
}

type ContextFor<P extends Permission> = P extends { kind: "workspace" }
  ? WorkspaceContext
  : P extends { kind: "user" }
    ? AuthedContext
    : OpContext;

export interface Operation<S extends z.ZodType, O, P extends Permission = Permission> {
  readonly name: string;
  readonly permission: P;
  readonly input: S;
  /** Parses, authenticates and authorises, then runs. The only way operations are called. */
  execute(actor: Actor | null, rawInput: unknown, meta?: { clientKey?: string; now?: Date }): Promise<O>;
}

/**
 * Declares an operation: the one place where input parsing, authentication and the
 * permission check happen before any service code runs. Route handlers and server
 * actions only adapt operations to HTTP (see ../http).
 */
export function defineOperation<S extends z.ZodType, O, P extends Permission>(spec: {
  name: string;
  permission: P;
  input: S;
  run: (ctx: ContextFor<P>, input: z.output<S>) => Promise<O>;
}): Operation<S, O, P> {
  return {
    name: spec.name,
    permission: spec.permission,
    input: spec.input,
    async execute(actor, rawInput, meta = {}) {
      const parsed = spec.input.safeParse(rawInput);
      const ctx: OpContext = { actor, role: null, workspaceId: null, now: meta.now ?? new Date(), clientKey: meta.clientKey ?? "local" };
      if (spec.permission.kind !== "public" && !actor) throw new AppError("unauthenticated", "sign_in_required");
      if (spec.permission.kind === "workspace") {
        // Authorise before reporting validation errors so that a non-member learns nothing.
        const workspaceId = await workspaceIdOf(rawInput);
        ctx.workspaceId = workspaceId;
        ctx.role = workspaceId ? await roleOf(actor!.id, workspaceId) : null;
        assertCan(ctx.role, spec.permission.action);
      }
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new AppError("invalid_input", issue?.message ?? "invalid_input", {
          details: { field: issue?.path.join(".") ?? "", issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
        });
      }
      return spec.run(ctx as ContextFor<P>, parsed.data);
    },
  };
}

/**
 * Checks authentication and the workspace permission from route parameters alone,
 * so that route handlers refuse outsiders before reading a (possibly large) body.
 */
export async function preauthorize(actor: Actor | null, permission: Permission, params: Record<string, unknown>): Promise<void> {
  if (permission.kind === "public") return;
  if (!actor) throw new AppError("unauthenticated", "sign_in_required");
  if (permission.kind !== "workspace") return;
  const workspaceId = await workspaceIdOf(params);
  if (workspaceId === null && !("workspaceId" in params) && !("workspaceSlug" in params)) return;
  assertCan(workspaceId ? await roleOf(actor.id, workspaceId) : null, permission.action);
}

/** The workspace an input names, by `workspaceId` or by `workspaceSlug`. */
async function workspaceIdOf(raw: unknown): Promise<string | null> {
  if (typeof raw !== "object" || raw === null) return null;
  const { workspaceId: id, workspaceSlug: slug } = raw as { workspaceId?: unknown; workspaceSlug?: unknown };
  if (typeof id === "string" && id.length > 0 && id.length <= 64) return id;
  if (typeof slug === "string" && slug.length > 0 && slug.length <= 64) {
    const ws = await prisma.workspace.findUnique({ where: { slug }, select: { id: true } });
    return ws?.id ?? null;
  }
  return null;
}

