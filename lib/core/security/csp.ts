/**
 * The Content-Security-Policy of every page, pure. Scripts run only with the request's nonce
 * (`'strict-dynamic'` lets Next's nonce-carrying bootstrap load its chunks); nothing may frame,
 * embed plugins or rebase URLs. Styles keep `'unsafe-inline'`: React Flow, Tiptap and the compare
 * view position elements with style attributes, which nonces cannot cover, and styles cannot run code.
 */
export interface CspOptions {
  nonce: string;
  /** WebSocket origin of the collab server as the browser reaches it (`ws://host:3001`). */
  collabOrigin: string | null;
  /** Development: React's dev build evaluates strings (call stacks, fast refresh). */
  dev: boolean;
}

export function contentSecurityPolicy(o: CspOptions): string {
  const connect = ["'self'", ...(o.collabOrigin ? [o.collabOrigin] : []), ...(o.dev ? ["ws:"] : [])];
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${o.nonce}' 'strict-dynamic'${o.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(" ")}`,
    // The argument map's ELK layout runs in a module Web Worker served by the app.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

/** The origin (`ws://host:port`) of a WebSocket URL, or null when it is not one. */
export function socketOrigin(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === "ws:" || u.protocol === "wss:" ? `${u.protocol}//${u.host}` : null;
  } catch {
    return null;
  }
}
