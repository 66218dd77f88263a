/**
 * project.qde (already valid against the schema) → the plain model, plus what Synoptic cannot
 * show and problems that make the import refuse (duplicate GUIDs). Pictures, audio, video and
 * PDF selections, cases and sets are listed by kind and name — never dropped silently.
 */
import type { QdaCode, QdaCoding, QdaDirection, QdaGraph, QdaLink, QdaNote, QdaProject, QdaSelection, QdaSource } from "./model";
import { childNamed, childrenNamed, type XmlElement } from "./parse-xml";
import { parseGuid } from "./guid";
import { REPLY_MARK } from "./write-project";

export interface ReadSource extends QdaSource {
  /** The text when the project holds it inline (PlainTextContent) instead of in Sources/. */
  inlineText?: string;
}

export interface UnsupportedItem {
  kind: string;
  guid: string | null;
  name: string;
  /** Where it is: the source's name for selections. */
  within?: string;
}

export interface ReadProject extends Omit<QdaProject, "sources"> {
  sources: ReadSource[];
  unsupported: UnsupportedItem[];
  problems: string[];
}

const guid = (el: XmlElement, attr = "guid"): string => parseGuid(el.attrs[attr]) ?? "";
const optGuid = (el: XmlElement, attr: string): string | undefined => parseGuid(el.attrs[attr]) ?? undefined;
const description = (el: XmlElement): string | undefined => childNamed(el, "Description")?.text || undefined;
const num = (el: XmlElement, attr: string): number => Number.parseInt(el.attrs[attr] ?? "0", 10) || 0;

function readCodes(parent: XmlElement | undefined): QdaCode[] {
  return childrenNamed(parent, "Code").map((c) => ({
    guid: guid(c),
    name: c.attrs.name ?? "",
    ...(c.attrs.color ? { color: c.attrs.color } : {}),
    ...(description(c) ? { description: description(c)! } : {}),
    children: readCodes(c),
  }));
}

function readCodings(el: XmlElement): QdaCoding[] {
  return childrenNamed(el, "Coding").map((c) => ({
    guid: guid(c),
    codeGuid: guid(childNamed(c, "CodeRef") ?? c, "targetGUID"),
    creatingUser: optGuid(c, "creatingUser"),
    creationDateTime: c.attrs.creationDateTime,
  }));
}

const noteRefs = (el: XmlElement): string[] => childrenNamed(el, "NoteRef").map((n) => guid(n, "targetGUID"));

function readSelection(s: XmlElement): QdaSelection {
  return {
    guid: guid(s),
    name: s.attrs.name,
    start: num(s, "startPosition"),
    end: num(s, "endPosition"),
    creatingUser: optGuid(s, "creatingUser"),
    creationDateTime: s.attrs.creationDateTime,
    modifyingUser: optGuid(s, "modifyingUser"),
    modifiedDateTime: s.attrs.modifiedDateTime,
    description: description(s),
    codings: readCodings(s),
    noteGuids: noteRefs(s),
  };
}

function readSource(s: XmlElement, unsupported: UnsupportedItem[]): ReadSource {
  const name = s.attrs.name ?? "";
  const inline = childNamed(s, "PlainTextContent");
  if (childrenNamed(s, "Coding").length) unsupported.push({ kind: "SourceCoding", guid: guid(s), name: `${childrenNamed(s, "Coding").length}`, within: name });
  return {
    guid: guid(s),
    name,
    plainTextPath: s.attrs.plainTextPath ?? "",
    ...(s.attrs.richTextPath ? { richTextPath: s.attrs.richTextPath } : {}),
    creatingUser: optGuid(s, "creatingUser"),
    creationDateTime: s.attrs.creationDateTime,
    description: description(s),
    selections: childrenNamed(s, "PlainTextSelection").map(readSelection),
    values: childrenNamed(s, "VariableValue").map((v) => ({ variableGuid: guid(childNamed(v, "VariableRef") ?? v, "targetGUID"), value: valueText(v) })),
    ...(inline ? { inlineText: inline.text } : {}),
  };
}

function valueText(v: XmlElement): string {
  const value = v.children.find((c) => c.name !== "VariableRef");
  return value?.text.trim() ?? "";
}

const SELECTION_OF: Record<string, string> = { PictureSource: "PictureSelection", PDFSource: "PDFSelection", AudioSource: "AudioSelection", VideoSource: "VideoSelection" };

const direction = (s: string | undefined): QdaDirection => (s === "OneWay" || s === "Bidirectional" ? s : "Associative");

function readGraph(g: XmlElement): QdaGraph {
  return {
    guid: guid(g),
    name: g.attrs.name ?? "",
    vertices: childrenNamed(g, "Vertex").map((v) => ({ guid: guid(v), representedGuid: optGuid(v, "representedGUID"), name: v.attrs.name, x: num(v, "firstX"), y: num(v, "firstY"), shape: v.attrs.shape, color: v.attrs.color })),
    edges: childrenNamed(g, "Edge").map((e) => ({ guid: guid(e), representedGuid: optGuid(e, "representedGUID"), name: e.attrs.name, source: guid(e, "sourceVertex"), target: guid(e, "targetVertex"), direction: direction(e.attrs.direction) })),
  };
}

/** Every `guid` attribute of the tree that occurs more than once. */
function duplicateGuids(root: XmlElement): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  const stack = [root];
  while (stack.length) {
    const el = stack.pop()!;
    const g = parseGuid(el.attrs.guid);
    if (g) {
      if (seen.has(g)) dup.add(g);
      seen.add(g);
    }
    stack.push(...el.children);
  }
  return [...dup];
}

export function readProject(root: XmlElement): ReadProject {
  const unsupported: UnsupportedItem[] = [];
  const problems: string[] = [];
  if (root.name !== "Project") problems.push(`root element is <${root.name}>, not <Project>`);
  for (const g of duplicateGuids(root).slice(0, 50)) problems.push(`duplicate GUID ${g}`);
  const sourcesEl = childNamed(root, "Sources");
  const sources: ReadSource[] = [];
  for (const s of sourcesEl?.children ?? []) {
    if (s.name === "TextSource") sources.push(readSource(s, unsupported));
    else {
      unsupported.push({ kind: s.name, guid: guid(s), name: s.attrs.name ?? "" });
      for (const sel of childrenNamed(s, SELECTION_OF[s.name] ?? "")) unsupported.push({ kind: sel.name, guid: guid(sel), name: sel.attrs.name ?? "", within: s.attrs.name ?? "" });
    }
  }
  for (const c of childrenNamed(childNamed(root, "Cases"), "Case")) unsupported.push({ kind: "Case", guid: guid(c), name: c.attrs.name ?? "" });
  for (const c of childrenNamed(childNamed(root, "Sets"), "Set")) unsupported.push({ kind: "Set", guid: guid(c), name: c.attrs.name ?? "" });
  const notes: QdaNote[] = childrenNamed(childNamed(root, "Notes"), "Note").map((n) => ({
    guid: guid(n),
    name: n.attrs.name,
    text: childNamed(n, "PlainTextContent")?.text ?? "",
    kind: description(n) === REPLY_MARK ? "reply" : "note",
    creatingUser: optGuid(n, "creatingUser"),
    creationDateTime: n.attrs.creationDateTime,
    ...(n.attrs.plainTextPath ? { path: n.attrs.plainTextPath } : {}),
  }));
  const links: QdaLink[] = childrenNamed(childNamed(root, "Links"), "Link").map((l) => ({
    guid: guid(l),
    name: l.attrs.name ?? "",
    direction: direction(l.attrs.direction),
    originGuid: optGuid(l, "originGUID") ?? "",
    targetGuid: optGuid(l, "targetGUID") ?? "",
    noteGuids: noteRefs(l),
  }));
  return {
    name: root.attrs.name ?? "",
    origin: root.attrs.origin ?? "",
    creatingUserGuid: optGuid(root, "creatingUserGUID"),
    creationDateTime: root.attrs.creationDateTime,
    description: description(root),
    users: childrenNamed(childNamed(root, "Users"), "User").map((u) => ({ guid: guid(u), name: u.attrs.name ?? u.attrs.id ?? "" })),
    codes: readCodes(childNamed(childNamed(root, "CodeBook"), "Codes")),
    variables: childrenNamed(childNamed(root, "Variables"), "Variable").map((v) => ({ guid: guid(v), name: v.attrs.name ?? "" })),
    sources,
    notes,
    links,
    graphs: childrenNamed(childNamed(root, "Graphs"), "Graph").map(readGraph),
    unsupported,
    problems,
  };
}

/** The codes of a .qdc codebook (`<CodeBook><Codes>…`), or of a project's CodeBook. */
export function readCodebook(root: XmlElement): { codes: QdaCode[]; problems: string[] } {
  const book = root.name === "CodeBook" ? root : childNamed(root, "CodeBook");
  const problems = book ? duplicateGuids(book).map((g) => `duplicate GUID ${g}`) : [`no <CodeBook> in <${root.name}>`];
  return { codes: readCodes(childNamed(book, "Codes")), problems };
}
