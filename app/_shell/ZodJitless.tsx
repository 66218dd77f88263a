import { headers } from "next/headers";

// zod 4 probes `new Function("")` on its first object parse to pick a faster code path; under
// the app's Content-Security-Policy (no 'unsafe-eval') that probe is refused and reported as a
// violation. Its interpreted path is what runs anyway, so the probe is switched off in browsers.
// zod reads its configuration from `globalThis.__zod_globalConfig`; setting it in an inline
// script (with the request's CSP nonce) makes it hold before any chunk runs — a client module
// configuring it itself could be evaluated after another chunk's first parse.
const SCRIPT = "(globalThis.__zod_globalConfig ??= {}).jitless = true;";

/** An inline script, first in the page, that switches zod's `new Function` probe off. */
export async function ZodJitless() {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: SCRIPT }} />;
}
