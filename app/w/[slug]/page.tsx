import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireActor, loadForPage } from "@/lib/server/http/page";
import { getWorkspaceOp } from "@/lib/server/workspaces/get-workspace";
import { listDocumentsOp } from "@/lib/server/documents/list-documents";
import { AppFrame } from "../../_shell/AppFrame";
import { ImportPanel } from "@/components/import/ImportPanel";
import { can } from "@/lib/core/permissions";
import { IMPORT_LIMITS } from "@/lib/server/import/limits";
import { pasteDocument } from "../../actions/documents";

export const dynamic = "force-dynamic";

export default async function WorkspacePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const path = `/w/${encodeURIComponent(slug)}`;
  const actor = await requireActor(path);
  const ws = await loadForPage(getWorkspaceOp, { workspaceSlug: slug }, path);
  const docs = await loadForPage(listDocumentsOp, { workspaceId: ws.id }, path);
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <AppFrame actor={actor} current={{ slug: ws.slug, tab: "documents" }}>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h1 data-testid="workspace-name">{ws.name}</h1>
        <span className="badge">{t(`roles.${ws.role}`)}</span>
      </div>
      <div className="row" style={{ justifyContent: "space-between", marginBottom: "0.75rem" }}>
        <h2 style={{ margin: 0 }}>{t("documents.title")}</h2>
        {docs.length > 0 && (
          <form id="compare-form" action={`/w/${ws.slug}/compare`} method="get" className="row" style={{ gap: "0.5rem" }}>
            <span className="muted small">{t("compare.openHint")}</span>
            <button type="submit" className="btn primary" data-testid="compare-selected">{t("compare.compareSelected")}</button>
          </form>
        )}
      </div>
      {docs.length === 0 ? (
        <p className="muted">{t("documents.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="list" data-testid="document-list">
            <thead>
              <tr>
                <th scope="col">
                  <span style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>{t("compare.title")}</span>
                </th>
                <th scope="col">{t("documents.columns.title")}</th>
                <th scope="col" className="hide-narrow">{t("documents.columns.authors")}</th>
                <th scope="col" className="hide-narrow">{t("documents.columns.date")}</th>
                <th scope="col">{t("documents.columns.annotations")}</th>
                <th scope="col" className="hide-narrow">{t("documents.columns.size")}</th>
                <th scope="col" className="hide-narrow">{t("documents.columns.versions")}</th>
              </tr>
            </thead>
            <tbody>
              {docs.map((d) => (
                <tr key={d.id}>
                  <td style={{ width: "2.5rem" }}>
                    <input type="checkbox" name="d" value={d.id} form="compare-form" aria-label={t("compare.pickForCompare", { title: d.title })} data-testid="compare-check" />
                  </td>
                  <td>
                    <Link href={`/w/${ws.slug}/d/${d.id}`} data-testid="document-link"><strong>{d.title}</strong></Link>
                    {d.language && <span className="badge" style={{ marginLeft: 8 }}>{d.language}</span>}
                  </td>
                  <td className="hide-narrow">{d.authors ?? "—"}</td>
                  <td className="hide-narrow">{d.publishedOn ?? "—"}</td>
                  <td data-testid="document-annotations">{d.annotationCount}</td>
                  <td className="hide-narrow">
                    {t("documents.chars", { count: d.charCount })}
                    <br />
                    <span className="muted small">{t("documents.blocks", { count: d.blockCount })}</span>
                  </td>
                  <td className="hide-narrow">
                    v{d.versionCount}
                    <br />
                    <span className="muted small">{format.dateTime(new Date(d.updatedAt), { dateStyle: "medium" })}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {can(ws.role, "document.create") && (
        <div style={{ marginTop: "1.5rem" }}>
          <ImportPanel workspaceId={ws.id} workspaceSlug={ws.slug} maxBytes={IMPORT_LIMITS.maxUploadBytes} paste={pasteDocument} />
        </div>
      )}
    </AppFrame>
  );
}
