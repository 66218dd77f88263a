/**
 * Writes `project.qde` (QDA-XML 1.0, namespace urn:QDA-XML:project:1.0) from the plain model.
 * Element order follows the schema's sequences exactly (Users, CodeBook, Variables, Sources,
 * Notes, Links, Graphs, Description); empty lists are left out, since the schema's containers
 * need at least one child.
 */
import type { QdaCode, QdaNote, QdaProject, QdaSelection, QdaSource } from "./model";
import { XmlWriter, type XmlStats } from "./xml";

export const PROJECT_NS = "urn:QDA-XML:project:1.0";
export const CODEBOOK_NS = "urn:QDA-XML:codebook:1.0";

export function writeCodes(w: XmlWriter, codes: readonly QdaCode[]): void {
  // Iterative with an explicit stack: a tree nested thousands deep must not overflow the call stack.
  const stack: (QdaCode | "close")[] = [...codes].reverse();
  while (stack.length) {
    const c = stack.pop()!;
    if (c === "close") {
      w.close("Code");
      continue;
    }
    const attrs = { guid: c.guid, name: c.name || "-", isCodable: true, color: c.color };
    if (!c.description && c.children.length === 0) {
      w.empty("Code", attrs);
      continue;
    }
    w.open("Code", attrs);
    if (c.description) w.text("Description", c.description);
    stack.push("close", ...[...c.children].reverse());
  }
}

function writeSelection(w: XmlWriter, s: QdaSelection): void {
  w.open("PlainTextSelection", {
    guid: s.guid,
    name: s.name,
    startPosition: s.start,
    endPosition: s.end,
    creatingUser: s.creatingUser,
    creationDateTime: s.creationDateTime,
    modifyingUser: s.modifyingUser,
    modifiedDateTime: s.modifiedDateTime,
  });
  if (s.description) w.text("Description", s.description);
  for (const c of s.codings) {
    w.open("Coding", { guid: c.guid, creatingUser: c.creatingUser, creationDateTime: c.creationDateTime });
    w.empty("CodeRef", { targetGUID: c.codeGuid });
    w.close("Coding");
  }
  for (const n of s.noteGuids) w.empty("NoteRef", { targetGUID: n });
  w.close("PlainTextSelection");
}

function writeSource(w: XmlWriter, s: QdaSource): void {
  w.open("TextSource", {
    guid: s.guid,
    name: s.name,
    richTextPath: s.richTextPath,
    plainTextPath: s.plainTextPath,
    creatingUser: s.creatingUser,
    creationDateTime: s.creationDateTime,
    modifiedDateTime: s.modifiedDateTime,
  });
  if (s.description) w.text("Description", s.description);
  for (const sel of s.selections) writeSelection(w, sel);
  for (const v of s.values) {
    w.open("VariableValue");
    w.empty("VariableRef", { targetGUID: v.variableGuid });
    w.text("TextValue", v.value);
    w.close("VariableValue");
  }
  w.close("TextSource");
}

function writeNote(w: XmlWriter, n: QdaNote): void {
  w.open("Note", { guid: n.guid, name: n.name, creatingUser: n.creatingUser, creationDateTime: n.creationDateTime });
  if (n.kind === "reply") w.text("Description", REPLY_MARK);
  w.text("PlainTextContent", n.text);
  w.close("Note");
}

/** The Description Synoptic gives the Notes that are replies, so they come back as replies. */
export const REPLY_MARK = "synoptic:reply";

/** The XML of project.qde; `stats` counts characters XML 1.0 cannot hold (left out). */
export function writeProject(p: QdaProject): { xml: string; stats: XmlStats } {
  const w = new XmlWriter();
  w.open("Project", { xmlns: PROJECT_NS, name: p.name || "Synoptic", origin: p.origin, creatingUserGUID: p.creatingUserGuid, creationDateTime: p.creationDateTime });
  if (p.users.length) {
    w.open("Users");
    for (const u of p.users) w.empty("User", { guid: u.guid, name: u.name });
    w.close("Users");
  }
  if (p.codes.length) {
    w.open("CodeBook").open("Codes");
    writeCodes(w, p.codes);
    w.close("Codes").close("CodeBook");
  }
  if (p.variables.length) {
    w.open("Variables");
    for (const v of p.variables) w.empty("Variable", { guid: v.guid, name: v.name, typeOfVariable: "Text" });
    w.close("Variables");
  }
  if (p.sources.length) {
    w.open("Sources");
    for (const s of p.sources) writeSource(w, s);
    w.close("Sources");
  }
  if (p.notes.length) {
    w.open("Notes");
    for (const n of p.notes) writeNote(w, n);
    w.close("Notes");
  }
  if (p.links.length) {
    w.open("Links");
    for (const l of p.links) {
      if (!l.noteGuids.length) {
        w.empty("Link", { guid: l.guid, name: l.name, direction: l.direction, originGUID: l.originGuid, targetGUID: l.targetGuid });
        continue;
      }
      w.open("Link", { guid: l.guid, name: l.name, direction: l.direction, originGUID: l.originGuid, targetGUID: l.targetGuid });
      for (const n of l.noteGuids) w.empty("NoteRef", { targetGUID: n });
      w.close("Link");
    }
    w.close("Links");
  }
  if (p.graphs.length) {
    w.open("Graphs");
    for (const g of p.graphs) {
      w.open("Graph", { guid: g.guid, name: g.name });
      for (const v of g.vertices) w.empty("Vertex", { guid: v.guid, representedGUID: v.representedGuid, name: v.name, firstX: Math.round(v.x), firstY: Math.round(v.y), shape: v.shape, color: v.color });
      for (const e of g.edges) w.empty("Edge", { guid: e.guid, representedGUID: e.representedGuid, name: e.name, sourceVertex: e.source, targetVertex: e.target, direction: e.direction });
      w.close("Graph");
    }
    w.close("Graphs");
  }
  if (p.description) w.text("Description", p.description);
  w.close("Project");
  return { xml: w.toString(), stats: w.stats };
}

/**
 * A codebook exchange file (.qdc, urn:QDA-XML:codebook:1.0): `<CodeBook><Codes>` with the same
 * Code elements as a project's CodeBook.
 */
export function writeCodebook(codes: readonly QdaCode[], origin: string): { xml: string; stats: XmlStats } {
  const w = new XmlWriter();
  w.open("CodeBook", { xmlns: CODEBOOK_NS, origin }).open("Codes");
  writeCodes(w, codes);
  w.close("Codes").close("CodeBook");
  return { xml: w.toString(), stats: w.stats };
}
