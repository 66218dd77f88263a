/**
 * Notification e-mail: immediate and digest modes, nothing sent after access is lost, hostile
 * display names kept out of headers, and a signed unsubscribe link that works once per user.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unsubscribeOp } from "../../lib/server/notifications/unsubscribe-op";
import { prisma } from "../../lib/infra/db/client";
import { removeMemberOp } from "../../lib/server/members/remove-member";
import { notify } from "../../lib/server/notifications/notify";
import { sendNotificationMails } from "../../lib/server/notifications/send-notification-mail";
import { unsubscribeToken } from "../../lib/server/notifications/unsubscribe-token";
import { makeWorld } from "../support/factories";

interface Sent {
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string> | undefined;
}
const saved = { url: process.env.NEXTAUTH_URL, secret: process.env.NEXTAUTH_SECRET };
beforeAll(() => {
  process.env.NEXTAUTH_URL = "http://synoptic.test";
  process.env.NEXTAUTH_SECRET ??= "test-secret-for-unsubscribe-links";
});
afterAll(() => {
  if (saved.url === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = saved.url;
});

describe("notification e-mail", () => {
  it("mails immediately or as a digest, never after access is lost, with hostile names only in the body", async () => {
    const world = await makeWorld();
    const ws = world.workspace.id;
    const { editor, commenter, viewer } = world.members;
    const hostile = "Eve\r\nBcc: victim@example.com\r\nSubject: pwned";
    await prisma.user.update({ where: { id: world.members.owner.id }, data: { name: hostile } });
    await prisma.user.update({ where: { id: editor.id }, data: { emailMode: "immediate" } });
    await prisma.user.update({ where: { id: viewer.id }, data: { emailMode: "off" } });
    const at = new Date();
    const ping = (userId: string, key: string) =>
      prisma.$transaction((tx) => notify(tx, { userId, workspaceId: ws, kind: "mention", actorId: world.members.owner.id, key, at, data: { quote: "拡大抑止", excerpt: "look\r\nBcc: x@y" } }));
    await ping(editor.id, "m1");
    await ping(commenter.id, "m2"); // digest (default)
    await ping(viewer.id, "m3"); // off
    await ping(world.target.id, "m4");
    // The target loses access between the notification and the mail.
    await removeMemberOp.execute(world.members.owner, { workspaceId: ws, userId: world.target.id });

    const sent: Sent[] = [];
    const send = async (to: string, subject: string, text: string, headers?: Record<string, string>) => (sent.push({ to, subject, text, headers }), true);
    await sendNotificationMails(at, send);
    const mine = sent.filter((s) => [editor.email, commenter.email, viewer.email, world.target.email].includes(s.to));
    expect(mine.map((s) => s.to).sort()).toEqual([editor.email, commenter.email].sort());
    for (const s of mine) {
      expect(s.subject).not.toMatch(/[\r\n]/);
      expect(s.subject).not.toContain("Eve");
      expect(s.text).toContain("Eve Bcc: victim@example.com Subject: pwned");
      expect(s.text).not.toMatch(/^Bcc:/m);
      expect(s.headers?.["List-Unsubscribe"]).toContain("/api/notifications/unsubscribe?t=");
    }
    const left = await prisma.notification.findMany({ where: { workspaceId: ws, emailedAt: null } });
    expect(left).toEqual([]);

    // A second notification: immediate users get it at once, digest users wait for the next day.
    await ping(editor.id, "m5");
    await ping(commenter.id, "m6");
    sent.length = 0;
    await sendNotificationMails(new Date(at.getTime() + 60_000), send);
    expect(sent.filter((s) => s.to === editor.email || s.to === commenter.email).map((s) => s.to)).toEqual([editor.email]);
    await sendNotificationMails(new Date(at.getTime() + 25 * 3600_000), send);
    expect(sent.filter((s) => s.to === commenter.email)).toHaveLength(1);
  });

  it("unsubscribes with a signed link and refuses a forged one", async () => {
    const world = await makeWorld();
    const u = world.members.editor;
    const call = async (t: string) => unsubscribeOp.execute(null, { token: t }).then(() => 200, (e: { status?: number }) => e.status);
    expect(await call(`${world.members.owner.id}.${unsubscribeToken(u.id).split(".")[1]}`)).toBe(404);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: world.members.owner.id } })).emailMode).toBe("digest");
    expect(await call(unsubscribeToken(u.id))).toBe(200);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: u.id } })).emailMode).toBe("off");
  });
});
