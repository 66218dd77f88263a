/**
 * Two collab instances holding one document store in turn (scale-out). The row lock serialises
 * them; a writer that has not seen the other's state merges it first, so neither the stored state
 * nor the projection loses the other instance's annotations, and nothing is projected twice.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { parseDocName } from "../../lib/core/collab";
import { annotationsDocName, buildAnchor, createAnnotation, listAnnotations } from "../../lib/collab/model";
import { loadStoredState } from "../../lib/collab/server/persistence/load-state";
import { storeState } from "../../lib/collab/server/persistence/store-state";
import { snapshotEntries } from "../../lib/collab/server/projection/snapshot";
import { prisma } from "../../lib/infra/db/client";
import { makeWorld } from "../support/factories";
import { makeDocument } from "./support/harness";

describe("two writers of one document", () => {
  it("merge what the other stored instead of overwriting it", async () => {
    const world = await makeWorld();
    const paper = await makeDocument(world.workspace.id, world.members.owner.id);
    const name = annotationsDocName(world.workspace.id, paper.id);
    const ref = parseDocName(name)!;
    const owner = { id: world.members.owner.id, name: world.members.owner.name };
    const annotate = (doc: Y.Doc, start: number) => createAnnotation(doc, { anchor: buildAnchor(paper.text, paper.versionId, start, start + 4), colour: "#3366ff" }, owner, new Date()).id;

    // Both instances load the same (empty) stored state, then each gets a different edit.
    const [docA, docB] = [new Y.Doc(), new Y.Doc()];
    const knownA = (await loadStoredState(name, docA)).stateHash;
    const knownB = (await loadStoredState(name, docB)).stateHash;
    const onA = annotate(docA, 0);
    const onB = annotate(docB, 10);
    const store = (doc: Y.Doc, knownHash: string) =>
      storeState({
        name,
        ref,
        state: Y.encodeStateAsUpdate(doc),
        snapshot: snapshotEntries(ref, doc),
        compact: [],
        knownHash,
        reconcile: (stored) => {
          Y.applyUpdate(doc, stored);
          return { state: Y.encodeStateAsUpdate(doc), snapshot: snapshotEntries(ref, doc) };
        },
      });

    const first = await store(docA, knownA);
    expect(first.skipped).toBe(false);
    // B has not received A's edit (Redis lag): without the merge it would overwrite A's state.
    const second = await store(docB, knownB);
    expect(second).toMatchObject({ skipped: false, merged: true });
    expect(listAnnotations(docB).map((a) => a.id).sort()).toEqual([onA, onB].sort());

    const reloaded = new Y.Doc();
    await loadStoredState(name, reloaded);
    expect(listAnnotations(reloaded).map((a) => a.id).sort()).toEqual([onA, onB].sort());
    const rows = await prisma.annotation.findMany({ where: { collabName: name }, select: { id: true } });
    expect(rows.map((r) => r.id).sort()).toEqual([onA, onB].sort());

    // A stores again knowing only its own hash: it merges B's union and writes nothing new.
    const third = await store(docA, first.hash);
    expect(listAnnotations(docA)).toHaveLength(2);
    expect(await prisma.annotation.count({ where: { collabName: name } })).toBe(2);
    expect(third.hash).toBeTruthy();
  });
});
