import { headers } from "next/headers";
import { isAppError } from "../../core/errors";
import type { ActionResult } from "../../core/action-result";
import { currentActor } from "../auth/session";
import { preauthorize, type Operation, type Permission } from "../ops/define";
import { clientKeyFromHeaders } from "./client-key";
import { assertSameOrigin, ORIGIN_CHECKED } from "./origin-guard";
import { logger } from "../../infra/log";
import type { z } from "zod";

const log = logger("http");

/** Marks adapters so the authorisation test can prove every edge goes through an operation. */
export const OPERATION = Symbol.for("synoptic.operation");

export type { ActionResult };

/** Turns any thrown value into a result that is safe to send: unknown errors are logged, never shown. */
export function toErrorResult(e: unknown, context: Record<string, unknown>): Extract<ActionResult<never>, { ok: false }> {
  if (isAppError(e)) return { ok: false, error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } };
  log.error({ err: e, ...context }, "unexpected error");
  return { ok: false, error: { code: "internal", message: "internal" } };
}

export interface Adapter {
  [OPERATION]: Operation<z.ZodType, unknown, Permission>;
  [ORIGIN_CHECKED]?: true;
}

/** A server action for an operation: resolves the session, runs, returns a result object. */
export function serverAction<S extends z.ZodType, O, P extends Permission>(op: Operation<S, O, P>) {
  const action = async (input: z.input<S>): Promise<ActionResult<O>> => {
    try {
      const requestHeaders = await headers();
      // Server actions are always POSTs that change state.
      assertSameOrigin("POST", requestHeaders);
      const actor = await currentActor();
      const clientKey = clientKeyFromHeaders(requestHeaders);
      return { ok: true, data: await op.execute(actor, input, { clientKey }) };
    } catch (e) {
      return toErrorResult(e, { op: op.name });
    }
  };
  return Object.assign(action, { [OPERATION]: op as Operation<z.ZodType, unknown, Permission>, [ORIGIN_CHECKED]: true as const });
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/** A route handler for an operation; `toInput` maps the request to the operation's input. */
export function routeHandler<S extends z.ZodType, O, P extends Permission>(
  op: Operation<S, O, P>,
  toInput: (req: Request, params: Record<string, string | string[]>) => Promise<unknown> | unknown,
  present: (output: O) => Response = (output) => Response.json(output, { headers: { "Cache-Control": "no-store" } }),
) {
  const handler = async (req: Request, ctx: RouteContext): Promise<Response> => {
    try {
      assertSameOrigin(req.method, req.headers);
      const actor = await currentActor();
      const params = (await ctx.params) ?? {};
      await preauthorize(actor, op.permission, params);
      const input = await toInput(req, params);
      return present(await op.execute(actor, input, { clientKey: clientKeyFromHeaders(req.headers) }));
    } catch (e) {
      const result = toErrorResult(e, { op: op.name, url: req.url });
      const status = isAppError(e) ? e.status : 500;
      return Response.json(result, { status, headers: { "Cache-Control": "no-store" } });
    }
  };
  return Object.assign(handler, { [OPERATION]: op as Operation<z.ZodType, unknown, Permission>, [ORIGIN_CHECKED]: true as const });
}
