/**
 * The feed's read cost over 10,000 events: a page at the top and one deep behind a cursor are
 * both one index range scan. (This is the query only; rendering the feed page is not built yet.)
 */
import { describe, expect, it } from "vitest";
import { listActivity } from "../../lib/server/activity/list-activity";
import { recordActivities } from "../../lib/server/activity/record-activity";
import { prisma } from "../../lib/infra/db/client";
import { makeWorld } from "../support/factories";

describe("activity feed over 10,000 events", () => {
  it("reads a page in well under 300 ms at the top and deep in the log", async () => {
    const world = await makeWorld();
    const ws = world.workspace.id;
    const at = new Date();
    for (let i = 0; i < 10; i++) {
      await prisma.$transaction((tx) =>
        recordActivities(tx, Array.from({ length: 1_000 }, (_, k) => ({ workspaceId: ws, actorId: world.members.editor.id, kind: "note.edit" as const, annotationId: `a${i * 1000 + k}`, data: { quote: "拡大抑止の信頼性" }, at }))),
      );
    }
    const all = await prisma.activityEvent.findMany({ where: { workspaceId: ws }, orderBy: { id: "asc" }, select: { id: true } });
    const deep = all[500]!.id.toString();
    await listActivity(ws, { limit: 50 }); // warm
    const t0 = performance.now();
    const top = await listActivity(ws, { limit: 50 });
    const t1 = performance.now();
    const far = await listActivity(ws, { limit: 50, cursor: deep });
    const t2 = performance.now();
    const filtered = await listActivity(ws, { limit: 50, actorId: world.members.editor.id, cursor: deep });
    const t3 = performance.now();
    console.log(JSON.stringify({ metric: "activity_feed_query_ms", events: all.length, top: Math.round(t1 - t0), deep: Math.round(t2 - t1), filteredDeep: Math.round(t3 - t2) }));
    expect(top.items).toHaveLength(50);
    expect(far.items).toHaveLength(50);
    expect(filtered.items).toHaveLength(50);
    expect(Math.max(t1 - t0, t2 - t1, t3 - t2)).toBeLessThan(300);
  });
});
