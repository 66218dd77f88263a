"use client";

import { z } from "zod";

// zod 4 probes `new Function("")` on its first object parse to pick a faster code path; under
// the app's Content-Security-Policy (no 'unsafe-eval') that probe is refused and reported as a
// violation. Its interpreted path is what runs anyway, so the probe is switched off in browsers.
z.config({ jitless: true });

/** Renders nothing: it exists so the root layout loads the configuration above in every page. */
export function ZodJitless() {
  return null;
}
