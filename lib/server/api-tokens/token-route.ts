/**
 * Route handlers of the REST API (/api/v1): like `routeHandler`, but the actor comes from a
 * personal API token instead of the session, and a token narrowed to one workspace is refused
 * (as not found) everywhere else. The operation then checks membership and role as always.
 */
import { AppError, isAppError } from "../../core/errors";
import { OPERATION, toErrorResult } from "../http/adapt";
import { preauthorize, type Operation, type Permission } from "../ops/define";
import type { z } from "zod";
import { actorFromToken } from "./tokens";
import { assertSameOrigin, ORIGIN_CHECKED } from "../http/origin-guard";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function tokenRouteHandler<S extends z.ZodType, O, P extends Permission>(
  op: Operation<S, O, P>,
  toInput: (req: Request, params: Record<string, string | string[]>) => unknown,
  present: (output: O, req: Request) => Response = (output) => Response.json(output, { headers: { "Cache-Control": "no-store" } }),
) {
  const handler = async (req: Request, ctx: RouteContext): Promise<Response> => {
    try {
      // Bearer requests carry no cookies, so they cannot be forged by another site (a browser would need
      // a CORS preflight that we never answer); the check only matters if a state-changing route is added.
      assertSameOrigin(req.method, req.headers);
      const actor = await actorFromToken(req.headers.get("authorization"));
      const params = (await ctx.params) ?? {};
      if (actor.tokenWorkspaceId && params.workspaceId !== actor.tokenWorkspaceId) throw new AppError("not_found", "workspace_not_found");
      await preauthorize(actor, op.permission, params);
      return present(await op.execute(actor, toInput(req, params)), req);
    } catch (e) {
      const status = isAppError(e) ? e.status : 500;
      const headers: Record<string, string> = { "Cache-Control": "no-store" };
      if (status === 401) headers["WWW-Authenticate"] = 'Bearer realm="synoptic"';
      return Response.json(toErrorResult(e, { op: op.name, url: req.url }), { status, headers });
    }
  };
  return Object.assign(handler, { [OPERATION]: op as Operation<z.ZodType, unknown, Permission>, [ORIGIN_CHECKED]: true as const });
}
