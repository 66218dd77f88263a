/**
 * Collab tokens for a browser page. A token lives five minutes (lib/collab/auth/token.ts); the
 * page is rendered with one, and every (re)connect after that asks /api/collab-token again.
 * One source per page: however many docs reconnect at once, they share one request.
 */

/** What /api/collab-token answers: a short-lived token and the collab server's URL. */
export interface CollabGrant {
  token: string;
  url: string;
  /** Where fresh tokens come from; a share link's guest page has its own (default /api/collab-token). */
  refreshUrl?: string;
}

/** Fetches a fresh token (and the server's URL) from the web app; throws when none is issued. */
export async function fetchCollabGrant(refreshUrl = "/api/collab-token"): Promise<CollabGrant> {
  const res = await fetch(refreshUrl, { cache: "no-store" });
  if (!res.ok) throw new Error(`collab token: ${res.status}`);
  return (await res.json()) as CollabGrant;
}

/** A token is reused for four minutes: a minute of margin keeps a reconnect from using a stale one. */
const REUSE_MS = 4 * 60_000;

/**
 * A token source for the providers of one page: `initial` (the token the page was rendered
 * with) while fresh, then one fetched token shared by every caller until it too ages. A failed
 * fetch is not cached: the next attempt tries again.
 */
export function collabTokenSource(initial: string, now: () => number = Date.now, refreshUrl?: string): () => Promise<string> {
  let current: Promise<string> = Promise.resolve(initial);
  let issuedAt = now();
  return () => {
    if (now() - issuedAt > REUSE_MS) {
      issuedAt = now();
      current = fetchCollabGrant(refreshUrl).then((g) => g.token);
      current.catch(() => {
        issuedAt = -Infinity;
      });
    }
    return current;
  };
}
