import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's 2024 minimum (m=19 MiB, t=2, p=1): ~30 ms here, slow enough
// for guessing, fast enough for sign-in bursts on a 2-core machine.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the email is unknown, so timing does not reveal accounts. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword("synoptic-timing-equaliser");
  return dummy;
}
