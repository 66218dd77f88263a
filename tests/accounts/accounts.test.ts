import { describe, expect, it, onTestFinished } from "vitest";
import { prisma } from "../../lib/infra/db/client";
import { registerUserOp } from "../../lib/server/accounts/register-user";
import { verifyCredentials } from "../../lib/server/accounts/verify-credentials";
import { SIGN_IN } from "../../lib/core/security/backoff";

const PASSWORD = "correct horse battery staple";
let n = 0;
const email = () => `acct-${Date.now().toString(36)}-${++n}@test.local`;
const client = () => `ip:10.${n}.${++n % 250}.${Math.floor(Math.random() * 250)}`;
const outcome = (p: Promise<unknown>) => p.then(() => "ok", (e: { code?: string; message?: string }) => `${e.code}:${e.message}`);

describe("accounts", () => {
  it("registers with an argon2id hash and signs in case-insensitively", async () => {
    const e = email();
    await registerUserOp.execute(null, { name: "Aoi", email: e.toUpperCase(), password: PASSWORD });
    const row = await prisma.user.findUniqueOrThrow({ where: { email: e } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    await expect(verifyCredentials(e.toUpperCase(), PASSWORD, client())).resolves.toMatchObject({ id: row.id });
  });

  it("answers alike for a taken address (and keeps the owner's password), and explains malformed input", async () => {
    const e = email();
    const first = await registerUserOp.execute(null, { name: "Aoi", email: e, password: PASSWORD });
    const again = await registerUserOp.execute(null, { name: "Again", email: e, password: "another good passphrase" });
    expect(again).toEqual(first);
    await expect(verifyCredentials(e, PASSWORD, client())).resolves.toMatchObject({ name: "Aoi" });
    await expect(registerUserOp.execute(null, { name: "X", email: "not-an-email", password: PASSWORD })).rejects.toMatchObject({ message: "email_invalid" });
    await expect(registerUserOp.execute(null, { name: "X", email: email(), password: "short" })).rejects.toMatchObject({ message: "password_too_short" });
    await expect(registerUserOp.execute(null, { name: "<b>x</b>\u202e", email: email(), password: PASSWORD })).rejects.toMatchObject({ message: "name_invalid_chars" });
  });

  it("throttles registrations per client", async () => {
    const c = client();
    const now = new Date();
    process.env.REGISTRATIONS_PER_HOUR = "3";
    onTestFinished(() => void delete process.env.REGISTRATIONS_PER_HOUR);
    for (let i = 0; i < 3; i++) await registerUserOp.execute(null, { name: "R", email: email(), password: PASSWORD }, { clientKey: c, now });
    expect(await outcome(registerUserOp.execute(null, { name: "R", email: email(), password: PASSWORD }, { clientKey: c, now }))).toBe("rate_limited:too_many_attempts");
    expect(await outcome(registerUserOp.execute(null, { name: "R", email: email(), password: PASSWORD }, { clientKey: client(), now }))).toBe("ok");
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const e = email();
    await registerUserOp.execute(null, { name: "Aoi", email: e, password: PASSWORD });
    expect(await outcome(verifyCredentials("nobody@test.local", PASSWORD, client()))).toBe("unauthenticated:credentials_invalid");
    expect(await outcome(verifyCredentials(e, "wrong password!", client()))).toBe("unauthenticated:credentials_invalid");
  });

  it("backs off a guessing client but never locks the owner out", async () => {
    const e = email();
    await registerUserOp.execute(null, { name: "Aoi", email: e, password: PASSWORD });
    const home = client();
    const t0 = Date.now();
    const at = (ms: number) => new Date(t0 + ms);
    await expect(verifyCredentials(e, PASSWORD, home, at(0))).resolves.toMatchObject({ email: e });

    // One attacker client: free failures, then exponential back-off, also for the right password.
    const attacker = client();
    for (let i = 0; i < SIGN_IN.pair.free; i++) expect(await outcome(verifyCredentials(e, "wrong password!", attacker, at(1000)))).toBe("unauthenticated:credentials_invalid");
    expect(await outcome(verifyCredentials(e, PASSWORD, attacker, at(1000)))).toBe("rate_limited:too_many_attempts");

    // Many attacker clients (rotating addresses) drive the account-wide back-off up…
    for (let i = 0; i < 30; i++) await outcome(verifyCredentials(e, "wrong password!", client(), at(2000)));
    const fresh = client();
    expect(await outcome(verifyCredentials(e, PASSWORD, fresh, at(2000)))).toBe("rate_limited:too_many_attempts");
    // …but it is capped: a new client of the owner waits at most 30 s after the last failure,
    expect(await outcome(verifyCredentials(e, PASSWORD, fresh, at(2000 + SIGN_IN.account.capMs)))).toBe("ok");
    // and the owner's known client is not held at all.
    for (let i = 0; i < 30; i++) await outcome(verifyCredentials(e, "wrong password!", client(), at(40_000)));
    expect(await outcome(verifyCredentials(e, PASSWORD, home, at(40_000)))).toBe("ok");
  });

  it("lets no burst of parallel guesses past the free budget", async () => {
    const e = email();
    await registerUserOp.execute(null, { name: "Aoi", email: e, password: PASSWORD });
    const c = client();
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 12 }, () => outcome(verifyCredentials(e, "wrong password!", c, now))));
    expect(results.filter((r) => r === "unauthenticated:credentials_invalid")).toHaveLength(SIGN_IN.pair.free);
  });
});
