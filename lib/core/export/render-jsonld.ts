/**
 * W3C Web Annotation JSON-LD: one AnnotationCollection whose first page holds every annotation.
 * Each excerpt becomes an Annotation with a TextPositionSelector (offsets in Unicode code
 * points, as Apache Annotator counts) and a TextQuoteSelector; its note is a `commenting`
 * TextualBody, each theme a `tagging` one. Replies and links, when included, are annotations of
 * their own (`replying`, `linking`) that target the excerpt's annotation.
 * Plain JSON: the context is named, never fetched.
 */
import type { Excerpt, ExportMeta, ExportWriter } from "./types";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
export const SYNOPTIC_NS = "https://synoptic.app/ns#";

export interface W3CIris {
  annotation(e: Pick<Excerpt, "id" | "documentId" | "citation">): string;
  document(documentId: string): string;
  user(userId: string): string;
}

/** IRIs: an annotation is its permalink; a document its reader page. */
export function irisFor(meta: Pick<ExportMeta, "baseUrl" | "workspaceSlug">): W3CIris {
  const base = `${meta.baseUrl.replace(/\/+$/, "")}/w/${encodeURIComponent(meta.workspaceSlug)}`;
  return {
    annotation: (e) => e.citation.permalink,
    document: (id) => `${base}/d/${encodeURIComponent(id)}`,
    user: (id) => `urn:synoptic:user:${id}`,
  };
}

/** The Web Annotation(s) of one excerpt: the annotation itself, then replies and links. */
export function excerptToW3C(e: Excerpt, iris: W3CIris): Record<string, unknown>[] {
  const body: Record<string, unknown>[] = [];
  if (e.note) body.push({ type: "TextualBody", value: e.note, format: "text/plain", purpose: "commenting" });
  for (const t of e.themes) body.push({ type: "TextualBody", value: t.name, purpose: "tagging", "synoptic:themeId": t.id });
  const id = iris.annotation(e);
  const annotation: Record<string, unknown> = {
    id,
    type: "Annotation",
    motivation: e.note ? "commenting" : e.themes.length ? "tagging" : "highlighting",
    creator: { id: iris.user(e.author.id), type: "Person", name: e.author.name },
    created: e.createdAt,
    modified: e.updatedAt,
    ...(body.length ? { body } : {}),
    target: {
      source: iris.document(e.documentId),
      selector: [
        { type: "TextPositionSelector", start: e.startCodePoint, end: e.endCodePoint },
        { type: "TextQuoteSelector", exact: e.quote, prefix: e.prefix, suffix: e.suffix },
      ],
    },
    "synoptic:status": e.status,
    "synoptic:versionId": e.versionId,
  };
  const out = [annotation];
  for (const r of e.replies) {
    out.push({
      id: `${id}#reply-${r.id}`,
      type: "Annotation",
      motivation: "replying",
      creator: { type: "Person", name: r.authorName },
      created: r.createdAt,
      body: { type: "TextualBody", value: r.body, format: "text/plain", purpose: "replying" },
      target: id,
    });
  }
  for (const l of e.links) {
    if (l.direction !== "out") continue; // each link once, from its source end
    out.push({
      id: `${id}#link-${l.id}`,
      type: "Annotation",
      motivation: "linking",
      body: [l.otherKind === "annotation" ? `urn:synoptic:annotation:${l.otherId}` : `urn:synoptic:node:${l.otherId}`],
      target: id,
      "synoptic:linkKind": l.kind,
      ...(l.label ? { "synoptic:label": l.label } : {}),
    });
  }
  return out;
}

/** Streams `{ AnnotationCollection, first: { AnnotationPage, items: [...] }, total }`. */
export function jsonLdWriter(): ExportWriter {
  let iris: W3CIris;
  let items = 0;
  return {
    contentType: "application/ld+json; charset=utf-8",
    extension: "jsonld",
    flat: true,
    begin(meta) {
      iris = irisFor(meta);
      const head = {
        "@context": [ANNO_CONTEXT, { synoptic: SYNOPTIC_NS }],
        id: `${meta.baseUrl.replace(/\/+$/, "")}/w/${encodeURIComponent(meta.workspaceSlug)}/export?generated=${encodeURIComponent(meta.generatedAt)}`,
        type: "AnnotationCollection",
        label: meta.workspaceName,
        generated: meta.generatedAt,
      };
      const json = JSON.stringify(head);
      return `${json.slice(0, -1)},"first":{"type":"AnnotationPage","startIndex":0,"items":[\n`;
    },
    group: () => "",
    excerpt(e) {
      const annotations = excerptToW3C(e, iris);
      const chunk = annotations.map((a) => JSON.stringify(a)).join(",\n");
      const sep = items === 0 ? "" : ",\n";
      items += annotations.length;
      return sep + chunk;
    },
    end() {
      return `\n]},"total":${items}}\n`;
    },
  };
}
