/**
 * Helpers of the REFI-QDA tests: schema validation of project.qde with Debian's xmllint against
 * the published XSD in ../shared/standards/refi-qda/ (read from there, never copied), and a
 * comparable fingerprint of a workspace's annotations, codings, notes, replies and links.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { unzipSync } from "fflate";
import { prisma } from "../../lib/infra/db/client";

export const XSD = resolve(process.cwd(), "../shared/standards/refi-qda/Project-mrt2019.xsd");

/** xmllint's verdict on `xml`: "" when valid, else its error output. */
export function schemaErrors(xml: Uint8Array | string): string {
  const dir = mkdtempSync(join(tmpdir(), "qdpx-"));
  const file = join(dir, "project.qde");
  writeFileSync(file, xml);
  try {
    execFileSync("xmllint", ["--noout", "--nonet", "--schema", XSD, file], { stdio: ["ignore", "pipe", "pipe"] });
    return "";
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e);
  }
}

export function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** Annotations keyed by document title and quote position, with what hangs on them. */
export async function fingerprint(workspaceId: string) {
  const docs = await prisma.document.findMany({ where: { workspaceId, deletedAt: null }, select: { id: true, title: true } });
  const title = new Map(docs.map((d) => [d.id, d.title]));
  const themes = new Map((await prisma.theme.findMany({ where: { workspaceId }, select: { id: true, name: true, parentId: true } })).map((t) => [t.id, t]));
  const themePath = (id: string): string => {
    const parts: string[] = [];
    for (let t = themes.get(id); t; t = t.parentId ? themes.get(t.parentId) : undefined) parts.unshift(t.name);
    return parts.join(" / ");
  };
  const anns = await prisma.annotation.findMany({ where: { workspaceId }, select: { id: true, documentId: true, start: true, end: true, exact: true, noteText: true, colour: true, status: true, themes: { select: { themeId: true } } } });
  const replies = await prisma.reply.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" }, select: { annotationId: true, body: true } });
  const key = new Map(anns.map((a) => [a.id, `${title.get(a.documentId)}@${a.start}-${a.end}`]));
  const links = await prisma.link.findMany({ where: { workspaceId }, select: { fromKind: true, fromId: true, toKind: true, toId: true, kind: true, label: true } });
  return {
    annotations: anns
      .map((a) => ({
        key: key.get(a.id)!,
        exact: a.exact,
        note: a.noteText,
        colour: a.colour,
        status: a.status,
        themes: a.themes.map((t) => themePath(t.themeId)).sort(),
        replies: replies.filter((r) => r.annotationId === a.id).map((r) => r.body),
      }))
      .sort((x, y) => x.key.localeCompare(y.key)),
    links: links
      .filter((l) => l.fromKind === "annotation" && l.toKind === "annotation")
      .map((l) => `${key.get(l.fromId)} -${l.kind}-> ${key.get(l.toId)} ${l.label}`)
      .sort(),
    nodeLinks: links.filter((l) => l.fromKind === "node" || l.toKind === "node").length,
    themes: [...themes.keys()].map(themePath).sort(),
  };
}
