/**
 * Revocable sessions: ending a user's sessions (sign-out, "sign out everywhere") invalidates a
 * copied session token on its next use, refuses collab tokens minted from it and closes the
 * user's open collab sockets.
 */
import { describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import type { CollabContext } from "../../lib/collab/server/context";
import { authOptions } from "../../lib/server/auth/options";
import { endSessions, endSessionsOp } from "../../lib/server/auth/end-sessions";
import { prisma } from "../../lib/infra/db/client";
import { connect, token, collabPaperFixture, waitFor } from "../collab/support/harness";

const fx = collabPaperFixture();

type JwtParams = Parameters<NonNullable<NonNullable<typeof authOptions.callbacks>["jwt"]>>[0];

/** next-auth's jwt callback as getServerSession runs it on every request. */
async function onRequest(t: JWT): Promise<JWT> {
  return (await authOptions.callbacks!.jwt!({ token: t } as JwtParams)) as JWT;
}
async function onSignIn(userId: string): Promise<JWT> {
  return (await authOptions.callbacks!.jwt!({ token: {}, user: { id: userId } } as unknown as JwtParams)) as JWT;
}

describe("revocable sessions", () => {
  it("a session token copied before sign-out stops working", async () => {
    const user = fx.world.members.editor;
    const copied = await onSignIn(user.id);
    expect((await onRequest({ ...copied })).uid).toBe(user.id);
    await authOptions.events!.signOut!({ token: { ...copied }, session: {} } as never);
    expect((await onRequest({ ...copied })).uid).toBeUndefined();
    // Signing in again starts a new, valid session.
    const fresh = await onSignIn(user.id);
    expect((await onRequest({ ...fresh })).uid).toBe(user.id);
  });

  it("sign out everywhere ends every session of the user and no one else's", async () => {
    const me = fx.world.members.commenter;
    const other = fx.world.members.viewer;
    const [a, b, theirs] = [await onSignIn(me.id), await onSignIn(me.id), await onSignIn(other.id)];
    await endSessionsOp.execute(me, {});
    expect((await onRequest({ ...a })).uid).toBeUndefined();
    expect((await onRequest({ ...b })).uid).toBeUndefined();
    expect((await onRequest({ ...theirs })).uid).toBe(other.id);
  });

  it("closes the user's open collab sockets and refuses tokens minted from the ended session", async () => {
    const user = fx.world.members.owner;
    const { sessionVersion } = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    const handle = connect(fx.server, fx.name, user.id, { tokenValue: await token(user.id, "browser", { sessionVersion }) });
    await handle.ready;
    const open = () => fx.server.server.hocuspocus.documents.get(fx.name)?.getConnections().filter((c) => (c.context as CollabContext).userId === user.id).length ?? 0;
    expect(open()).toBe(1);
    const failures: string[] = [];
    handle.provider.on("authenticationFailed", ({ reason }: { reason: string }) => failures.push(reason));
    const started = Date.now();
    await endSessions(user.id);
    await waitFor(() => open() === 0, "socket closed", 5_000);
    expect(Date.now() - started).toBeLessThan(3_000);
    // The provider reconnects with its old token: refused.
    await waitFor(() => failures.length > 0, "old token refused", 10_000);
    expect(failures[0]).toBe("session-revoked");
  });
});
