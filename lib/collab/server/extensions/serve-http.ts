/**
 * The collab server's own HTTP routes (everything else gets Hocuspocus' default answer):
 *
 *   GET  /health               liveness: {status, documents, connections} — read by the web app's /api/health
 *   GET  /ready                readiness: 200 or 503 with {ready, draining, database, redis?}
 *   POST /internal/operations  direct writes (direct/run-direct-request.ts), authorised by an
 *                              internal token signed with COLLAB_TOKEN_SECRET (Bearer)
 *   POST /internal/batch       direct writes to several documents of one workspace, all tried
 *                              before any is applied (runDirectBatch); same token
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Extension, onRequestPayload } from "@hocuspocus/server";
import { isAppError } from "../../../core/errors";
import { logger } from "../../../infra/log";
import { verifyInternalToken } from "../../auth/token";
import { runDirectBatch, runDirectRequest } from "../direct/run-direct-request";
import type { Readiness } from "../scale/readiness";

const log = logger("collab.http");
const MAX_BODY_BYTES = 2 * 1024 * 1024;

function send(res: ServerResponse, status: number, body: unknown): Promise<never> {
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  res.end(JSON.stringify(body));
  // An empty rejection tells Hocuspocus the request was handled (no default answer).
  return Promise.reject(undefined);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error("body too large"), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

export function serveHttp(opts: { secret: string; readiness: Readiness }): Extension {
  return {
    extensionName: "serveHttp",
    async onRequest({ request, response, instance }: onRequestPayload) {
      const url = new URL(request.url ?? "/", "http://collab");
      if (request.method === "GET" && url.pathname === "/health") {
        return send(response, 200, { status: "ok", documents: instance.getDocumentsCount(), connections: instance.getConnectionsCount() });
      }
      if (request.method === "GET" && url.pathname === "/ready") {
        const report = await opts.readiness.check();
        return send(response, report.ready ? 200 : 503, report);
      }
      const run = url.pathname === "/internal/operations" ? runDirectRequest : url.pathname === "/internal/batch" ? runDirectBatch : null;
      if (!run) return;
      if (request.method !== "POST") return send(response, 405, { error: "method_not_allowed" });
      const auth = request.headers.authorization ?? "";
      try {
        await verifyInternalToken(auth.replace(/^Bearer\s+/i, ""), opts.secret);
      } catch {
        return send(response, 401, { error: "unauthenticated" });
      }
      let body: unknown;
      try {
        body = await readBody(request);
      } catch (e) {
        return send(response, (e as { status?: number }).status ?? 400, { error: "invalid_body" });
      }
      try {
        return send(response, 200, await run(instance, body));
      } catch (e) {
        if (isAppError(e)) return send(response, e.status, { error: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) });
        log.error({ err: e }, "direct write failed");
        return send(response, 500, { error: "internal" });
      }
    },
  };
}
