import { cache } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { requireActor, loadForPage } from "@/lib/server/http/page";
import { getDocumentOp } from "@/lib/server/documents/get-document";
import { DocumentHeader } from "@/components/reader/DocumentHeader";
import { DocumentReader } from "@/components/reader/DocumentReader";
import { AppFrame } from "../../../../_shell/AppFrame";
import { DocumentDetails } from "@/components/import/DocumentDetails";
import { getWorkspaceOp } from "@/lib/server/workspaces/get-workspace";
import { can } from "@/lib/core/permissions";
import { deleteDocument, updateDocument } from "../../../../actions/documents";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ slug: string; documentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** `?v=N` selects a version; anything else means the latest. */
async function route(props: Props) {
  const { slug, documentId } = await props.params;
  const v = (await props.searchParams).v;
  const version = typeof v === "string" && /^[1-9][0-9]{0,6}$/.test(v) ? Number(v) : undefined;
  const base = `/w/${encodeURIComponent(slug)}/d/${encodeURIComponent(documentId)}`;
  return { slug, documentId, version, base, path: version ? `${base}?v=${version}` : base };
}

// One query per request, shared by the metadata and the page.
const load = cache((slug: string, documentId: string, version: number | undefined, path: string) =>
  loadForPage(getDocumentOp, { workspaceSlug: slug, documentId, ...(version ? { version } : {}) }, path),
);

export async function generateMetadata(props: Props): Promise<Metadata> {
  const r = await route(props);
  const view = await load(r.slug, r.documentId, r.version, r.path);
  return { title: `${view.document.title} — Synoptic` };
}

export default async function DocumentPage(props: Props) {
  const r = await route(props);
  const actor = await requireActor(r.path);
  const view = await load(r.slug, r.documentId, r.version, r.path);
  const ws = await loadForPage(getWorkspaceOp, { workspaceSlug: r.slug }, r.path);
  return (
    <AppFrame actor={actor} current={{ slug: r.slug, tab: "documents" }}>
      <DocumentHeader document={view.document} versions={view.versions} current={view.version} listHref={`/w/${encodeURIComponent(r.slug)}`} readerHref={r.base} />
      <p style={{ margin: "-0.75rem 0 1rem" }}>
        <Link className="btn small" href={`/w/${encodeURIComponent(r.slug)}/compare?d=${encodeURIComponent(view.document.id)}`} data-testid="open-compare">
          ⇆ {(await getTranslations("compare"))("compareWith")}
        </Link>
      </p>
      <DocumentReader version={view.version} language={view.document.language} />
      <details style={{ marginTop: "2rem" }} data-testid="document-details">
        <summary className="muted">{view.document.title}</summary>
        <div style={{ marginTop: "1rem", maxWidth: 720 }}>
          <DocumentDetails
            workspaceId={ws.id}
            workspaceSlug={ws.slug}
            documentId={view.document.id}
            meta={view.document}
            canEdit={can(ws.role, "document.update")}
            canDelete={can(ws.role, "document.delete")}
            update={updateDocument}
            remove={deleteDocument}
          />
        </div>
      </details>
    </AppFrame>
  );
}
