/**
 * Where clients and the web process reach the collab server.
 * - Public (browsers): COLLAB_PUBLIC_URL, else ws://<the host the browser used>:<COLLAB_PORT>.
 *   With a workspace known, `?route=<workspaceId>` is added: a page's documents share one socket,
 *   and a proxy that hashes this parameter (deploy/Caddyfile) sends every client of a
 *   workspace's documents to the same collab instance, so Redis carries little.
 * - Internal (web → collab HTTP: health, direct writes): COLLAB_INTERNAL_URL, else
 *   http://127.0.0.1:<COLLAB_PORT>.
 */
export const DEFAULT_COLLAB_PORT = 3001;

function collabPort(env: NodeJS.ProcessEnv): number {
  const port = Number(env.COLLAB_PORT ?? DEFAULT_COLLAB_PORT);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : DEFAULT_COLLAB_PORT;
}

/** The WebSocket URL for a browser that reached the web app at `host` (Host header). */
export function publicCollabUrl(host: string | null, env: NodeJS.ProcessEnv = process.env, routeKey?: string): string {
  return withRoute(env.COLLAB_PUBLIC_URL ?? defaultPublicUrl(host, env), routeKey);
}

function defaultPublicUrl(host: string | null, env: NodeJS.ProcessEnv): string {
  // Only the hostname of the Host header is used, and only if it looks like one.
  const hostname = (host ?? "").replace(/:\d+$/, "");
  const safe = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]{1,253})$/.test(hostname) ? hostname : "localhost";
  return `ws://${safe}:${collabPort(env)}`;
}

function withRoute(url: string, routeKey: string | undefined): string {
  if (!routeKey) return url;
  const u = new URL(url);
  u.searchParams.set("route", routeKey);
  return u.toString();
}

export function internalCollabUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.COLLAB_INTERNAL_URL ?? `http://127.0.0.1:${collabPort(env)}`;
}
