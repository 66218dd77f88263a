/**
 * Where clients and the web process reach the collab server.
 * - Public (browsers): COLLAB_PUBLIC_URL, else ws://<the host the browser used>:<COLLAB_PORT>.
 * - Internal (web → collab HTTP: health, direct writes): COLLAB_INTERNAL_URL, else
 *   http://127.0.0.1:<COLLAB_PORT>.
 */
export const DEFAULT_COLLAB_PORT = 3001;

function collabPort(env: NodeJS.ProcessEnv): number {
  const port = Number(env.COLLAB_PORT ?? DEFAULT_COLLAB_PORT);
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : DEFAULT_COLLAB_PORT;
}

/** The WebSocket URL for a browser that reached the web app at `host` (Host header). */
export function publicCollabUrl(host: string | null, env: NodeJS.ProcessEnv = process.env): string {
  if (env.COLLAB_PUBLIC_URL) return env.COLLAB_PUBLIC_URL;
  // Only the hostname of the Host header is used, and only if it looks like one.
  const hostname = (host ?? "").replace(/:\d+$/, "");
  const safe = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]{1,253})$/.test(hostname) ? hostname : "localhost";
  return `ws://${safe}:${collabPort(env)}`;
}

export function internalCollabUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.COLLAB_INTERNAL_URL ?? `http://127.0.0.1:${collabPort(env)}`;
}
