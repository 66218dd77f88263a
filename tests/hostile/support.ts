/**
 * Bookkeeping of the hostile suite: every case prints one line (group, case, outcome) and records
 * whether it ended in a 500 or in an accepted forgery; the suite's last test asserts none did.
 */
import { httpStatusOf, isAppError } from "../../lib/core/errors";

export interface Outcome {
  /** HTTP status the edge answered (or would answer, for an operation's error). */
  status: number;
  /** True when the hostile request did what it wanted (a forgery accepted, garbage stored). */
  accepted: boolean;
  detail: string;
}

export const results: Array<{ group: string; name: string } & Outcome> = [];

/** Records and prints one case. */
export function record(group: string, name: string, outcome: Outcome): Outcome {
  results.push({ group, name, ...outcome });
  console.log(`hostile | ${group.padEnd(8)} | ${name.padEnd(64)} | ${outcome.status} ${outcome.accepted ? "ACCEPTED" : "refused"} ${outcome.detail}`);
  return outcome;
}

/** The outcome of running an operation (or any call) that should refuse: its status, never a crash. */
export async function refusal(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    await run();
    return { status: 200, accepted: true, detail: "ok" };
  } catch (e) {
    return { status: httpStatusOf(e), accepted: false, detail: isAppError(e) ? `${e.code}:${e.message}` : `crash:${String(e).slice(0, 120)}` };
  }
}

/** The outcome of a Response from a route handler. */
export async function fromResponse(res: Response): Promise<Outcome> {
  const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
  return { status: res.status, accepted: res.status < 400, detail: body.error ? `${body.error.code}:${body.error.message}` : "" };
}
