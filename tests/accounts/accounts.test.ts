import { describe, expect, it } from "vitest";
import { prisma } from "../../lib/server/db/client";
import { registerUserOp } from "../../lib/server/accounts/register-user";
import { verifyCredentials } from "../../lib/server/accounts/verify-credentials";
import { THROTTLE } from "../../lib/server/accounts/throttle";

const PASSWORD = "correct horse battery staple";
let n = 0;
const email = () => `acct-${Date.now().toString(36)}-${++n}@test.local`;

describe("accounts", () => {
  it("registers with an argon2id hash and signs in case-insensitively", async () => {
    const e = email();
    const u = await registerUserOp.execute(null, { name: "Aoi", email: e.toUpperCase(), password: PASSWORD });
    expect(u.email).toBe(e);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    await expect(verifyCredentials(e.toUpperCase(), PASSWORD, "t1")).resolves.toMatchObject({ id: u.id });
  });

  it("explains taken emails, malformed emails and weak passwords", async () => {
    const e = email();
    await registerUserOp.execute(null, { name: "Aoi", email: e, password: PASSWORD });
    await expect(registerUserOp.execute(null, { name: "Again", email: e, password: PASSWORD })).rejects.toMatchObject({ code: "conflict", message: "email_taken" });
    await expect(registerUserOp.execute(null, { name: "X", email: "not-an-email", password: PASSWORD })).rejects.toMatchObject({ message: "email_invalid" });
    await expect(registerUserOp.execute(null, { name: "X", email: email(), password: "short" })).rejects.toMatchObject({ message: "password_too_short" });
    await expect(registerUserOp.execute(null, { name: "<b>x</b>\u202e", email: email(), password: PASSWORD })).rejects.toMatchObject({ message: "name_invalid_chars" });
  });

  it("gives the same answer for an unknown email and a wrong password, and throttles guessing", async () => {
    const e = email();
    await registerUserOp.execute(null, { name: "Aoi", email: e, password: PASSWORD });
    await expect(verifyCredentials("nobody@test.local", PASSWORD, "t2")).rejects.toMatchObject({ message: "credentials_invalid" });
    const client = `t3-${n}`;
    for (let i = 0; i < THROTTLE.maxFailures; i++) {
      await expect(verifyCredentials(e, "wrong password!", client)).rejects.toMatchObject({ message: "credentials_invalid" });
    }
    // Even the right password is refused while throttled: the limit is per email and per client.
    await expect(verifyCredentials(e, PASSWORD, "another-client")).rejects.toMatchObject({ code: "rate_limited" });
    // After the window the right password works again.
    const later = new Date(Date.now() + THROTTLE.windowMs + 1000);
    await expect(verifyCredentials(e, PASSWORD, "another-client", later)).resolves.toMatchObject({ email: e });
  });
});
