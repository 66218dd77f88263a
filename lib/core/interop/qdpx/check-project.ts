/**
 * The structural checks used when xmllint is not available at run time: the root, the
 * namespace, GUIDs and the attributes every selection and code must have. Weaker than the
 * schema (the import report says which validator ran), but enough that nothing malformed
 * reaches the writes.
 */
import { parseGuid } from "./guid";
import type { XmlElement } from "./parse-xml";
import { PROJECT_NS } from "./write-project";

const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  Project: ["name"],
  User: ["guid"],
  Code: ["guid", "name", "isCodable"],
  TextSource: ["guid"],
  PlainTextSelection: ["guid", "startPosition", "endPosition"],
  Coding: ["guid"],
  CodeRef: ["targetGUID"],
  NoteRef: ["targetGUID"],
  Note: ["guid"],
  Link: ["guid"],
  Graph: ["guid"],
  Vertex: ["guid", "firstX", "firstY"],
  Edge: ["guid", "sourceVertex", "targetVertex"],
};
const INTEGER = new Set(["startPosition", "endPosition", "firstX", "firstY", "secondX", "secondY"]);
const GUIDS = new Set(["guid", "targetGUID", "creatingUser", "modifyingUser", "representedGUID", "sourceVertex", "targetVertex", "originGUID", "creatingUserGUID"]);

export function checkProjectStructure(root: XmlElement, max = 100): string[] {
  const errors: string[] = [];
  if (root.name !== "Project") errors.push(`root element <${root.name}> is not <Project>`);
  if (root.attrs.xmlns !== PROJECT_NS) errors.push(`namespace "${root.attrs.xmlns ?? ""}" is not ${PROJECT_NS}`);
  const stack = [root];
  while (stack.length && errors.length < max) {
    const el = stack.pop()!;
    for (const a of REQUIRED[el.name] ?? []) if (el.attrs[a] === undefined) errors.push(`<${el.name}> lacks the required attribute ${a}`);
    for (const [k, v] of Object.entries(el.attrs)) {
      if (GUIDS.has(k) && !parseGuid(v)) errors.push(`<${el.name} ${k}="${v.slice(0, 60)}"> is not a GUID`);
      if (INTEGER.has(k) && !/^[+-]?\d+$/.test(v.trim())) errors.push(`<${el.name} ${k}="${v.slice(0, 60)}"> is not an integer`);
    }
    stack.push(...el.children);
  }
  return errors.slice(0, max);
}
