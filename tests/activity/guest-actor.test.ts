/**
 * A share link's guest (`guest:<linkId>`) writes replies but is no user: its activity and the
 * notifications it causes keep no actor row (the columns reference User) and name the link.
 */
import { describe, expect, it } from "vitest";
import { prisma } from "../../lib/infra/db/client";
import { recordActivity } from "../../lib/server/activity/record-activity";
import { notify } from "../../lib/server/notifications/notify";
import { makeWorld } from "../support/factories";

describe("guest actors", () => {
  it("records a guest's event and notification without an actor row, naming the link", async () => {
    const world = await makeWorld();
    const at = new Date();
    const [eventId, notificationId] = await prisma.$transaction(async (tx) => [
      await recordActivity(tx, { workspaceId: world.workspace.id, actorId: "guest:link123", kind: "reply.create", key: `guest-test:${world.workspace.id}`, at }),
      await notify(tx, { userId: world.members.owner.id, workspaceId: world.workspace.id, kind: "reply", actorId: "guest:link123", key: `guest-test:${world.workspace.id}`, at }),
    ]);
    expect(eventId).not.toBeNull();
    expect(notificationId).not.toBeNull();
    const event = await prisma.activityEvent.findUniqueOrThrow({ where: { id: eventId! } });
    expect(event.actorId).toBeNull();
    expect(event.data).toMatchObject({ guestLinkId: "link123" });
    const note = await prisma.notification.findUniqueOrThrow({ where: { id: notificationId! } });
    expect(note.actorId).toBeNull();
  });
});
