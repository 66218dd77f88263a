/**
 * Rules for a new link, shared by the client library (which refuses before writing) and the
 * projection (which flags what a client wrote anyway). Cycles are allowed: arguments loop
 * ("A supports B, B responds to A") and the layout copes with them.
 */
import { AppError } from "../errors";
import type { Relation } from "./relations";

export interface EndpointRef {
  kind: "annotation" | "node";
  id: string;
}

export interface LinkShape {
  id: string;
  from: EndpointRef;
  to: EndpointRef;
  kind: Relation;
  deleted?: boolean | undefined;
}

/** What exists in the link's workspace: annotation ids (live) and map node ids (live). */
export interface EndpointCatalog {
  hasAnnotation(id: string): boolean;
  hasNode(id: string): boolean;
}

export type LinkProblem = "link_to_itself" | "link_duplicate" | "link_endpoint_missing";

const key = (e: EndpointRef) => `${e.kind}:${e.id}`;

/** The identity of a relation: two live links with the same one are duplicates. */
export function relationKey(l: Pick<LinkShape, "from" | "to" | "kind">): string {
  return `${key(l.from)}>${l.kind}>${key(l.to)}`;
}

/** The first problem of `link` among `existing` (live links of the workspace), or null. */
export function linkProblem(link: Omit<LinkShape, "id">, existing: Iterable<LinkShape>, catalog: EndpointCatalog): LinkProblem | null {
  if (link.from.kind === link.to.kind && link.from.id === link.to.id) return "link_to_itself";
  for (const e of [link.from, link.to]) {
    const known = e.kind === "annotation" ? catalog.hasAnnotation(e.id) : catalog.hasNode(e.id);
    if (!known) return "link_endpoint_missing";
  }
  const k = relationKey(link);
  for (const other of existing) if (!other.deleted && relationKey(other) === k) return "link_duplicate";
  return null;
}

/** Throws `invalid_input` (message: the problem) when `link` may not be created. */
export function assertLinkAllowed(link: Omit<LinkShape, "id">, existing: Iterable<LinkShape>, catalog: EndpointCatalog): void {
  const problem = linkProblem(link, existing, catalog);
  if (problem) throw new AppError("invalid_input", problem);
}

/** A catalog over plain sets (tests, the projection). */
export function catalogOf(annotationIds: Iterable<string>, nodeIds: Iterable<string>): EndpointCatalog {
  const a = new Set(annotationIds);
  const n = new Set(nodeIds);
  return { hasAnnotation: (id) => a.has(id), hasNode: (id) => n.has(id) };
}
