import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AssignForm, DoneButton, RevokeButton, ShareForm, SnapshotForm } from "@/components/review/ReviewForms";
import * as reviewActions from "@/app/actions/review";
import { SnapshotDiffView } from "@/components/review/SnapshotDiffView";
import s from "@/components/review/review.module.css";
import { can } from "@/lib/core/permissions";
import { loadForPage, requireActor } from "@/lib/server/http/page";
import { getWorkspaceOp } from "@/lib/server/workspaces/get-workspace";
import { listDocumentsOp } from "@/lib/server/documents/list-documents";
import { listMembersOp } from "@/lib/server/members/list-members";
import { reviewBoardOp } from "@/lib/server/review/review-board";
import { listShareLinksOp } from "@/lib/server/review/share-links";
import { compareSnapshotsOp, listSnapshotsOp } from "@/lib/server/review/snapshots";
import { AppFrame } from "../../../_shell/AppFrame";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review");
  return { title: `${t("pageTitle")} — Synoptic` };
}

/** /w/<slug>/review[?from=<snapshot>&to=<snapshot|live>] — assignments, snapshots (with a diff) and share links. */
export default async function ReviewPage(props: Props) {
  const { slug } = await props.params;
  const search = await props.searchParams;
  const path = `/w/${encodeURIComponent(slug)}/review`;
  const actor = await requireActor(path);
  const ws = await loadForPage(getWorkspaceOp, { workspaceSlug: slug }, path);
  const workspaceId = ws.id;
  const [board, snapshots, documents, members] = await Promise.all([
    loadForPage(reviewBoardOp, { workspaceId }, path),
    loadForPage(listSnapshotsOp, { workspaceId }, path),
    loadForPage(listDocumentsOp, { workspaceId }, path),
    loadForPage(listMembersOp, { workspaceId }, path),
  ]);
  const mayShare = can(ws.role, "share.manage");
  const links = mayShare ? await loadForPage(listShareLinksOp, { workspaceId }, path) : [];
  const from = typeof search.from === "string" ? search.from : null;
  const to = typeof search.to === "string" ? search.to : "live";
  const comparison = from ? await loadForPage(compareSnapshotsOp, { workspaceId, from, to }, path) : null;
  const t = await getTranslations("review");
  const f = await getFormatter();
  const docs = documents.map((d) => ({ id: d.id, title: d.title }));
  return (
    <AppFrame actor={actor} current={{ slug: ws.slug, tab: "review" }}>
      <div className={s.page} data-testid="review-page">
        <section aria-labelledby="board-title">
          <h1 id="board-title">{t("board.title")}</h1>
          {can(ws.role, "review.assign") && <AssignForm actions={reviewActions} workspaceId={workspaceId} documents={docs} members={members.map((m) => ({ id: m.userId, name: m.name }))} />}
          {board.length === 0 ? <p className="muted">{t("board.empty")}</p> : (
            <table className={s.table} data-testid="review-board">
              <thead><tr><th>{t("board.document")}</th><th>{t("board.assignee")}</th><th>{t("board.due")}</th><th>{t("board.annotated")}</th><th>{t("board.replies")}</th><th>{t("board.state")}</th><th /></tr></thead>
              <tbody>
                {board.map((b) => (
                  <tr key={b.id} className={s[b.state]} data-state={b.state} data-testid="board-row" data-assignee={b.assignee.id}>
                    <td><a href={`/w/${encodeURIComponent(ws.slug)}/compare?d=${b.documentId}`}>{b.documentTitle}</a><br /><span className="muted">{b.sectionTitle ?? t("board.wholeDocument")}</span></td>
                    <td>{b.assignee.name}</td>
                    <td>{f.dateTime(new Date(b.dueAt), { dateStyle: "medium" })}</td>
                    <td data-testid="board-annotated">{b.annotated}</td>
                    <td>{b.replies}</td>
                    <td className={s.state}>{t(`board.states.${b.state}`)}</td>
                    <td>{b.assignee.id === actor.id && <DoneButton actions={reviewActions} workspaceId={workspaceId} assignmentId={b.id} done={b.state === "done"} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section aria-labelledby="snapshots-title">
          <h2 id="snapshots-title">{t("snapshots.title")}</h2>
          {can(ws.role, "snapshot.create") && <SnapshotForm actions={reviewActions} workspaceId={workspaceId} />}
          {snapshots.length === 0 ? <p className="muted">{t("snapshots.empty")}</p> : (
            <ul data-testid="snapshot-list">
              {snapshots.map((sn, i) => (
                <li key={sn.id}>
                  <strong>{sn.name}</strong> <span className="muted">{f.dateTime(new Date(sn.createdAt), { dateStyle: "medium", timeStyle: "short" })} · {t("snapshots.counts", { annotations: sn.annotationCount, links: sn.linkCount, nodes: sn.nodeCount })}</span>{" "}
                  <a href={`${path}?from=${sn.id}&to=live`} data-testid="snapshot-compare-live">{t("snapshots.compareLive")}</a>
                  {snapshots[i + 1] && <> · <a href={`${path}?from=${snapshots[i + 1]!.id}&to=${sn.id}`}>{t("snapshots.compareWith")}</a></>}
                </li>
              ))}
            </ul>
          )}
          {comparison && <SnapshotDiffView comparison={comparison} />}
        </section>
        {mayShare && (
          <section aria-labelledby="share-title">
            <h2 id="share-title">{t("share.title")}</h2>
            <ShareForm actions={reviewActions} workspaceId={workspaceId} documents={docs} />
            {links.length === 0 ? <p className="muted">{t("share.empty")}</p> : (
              <ul data-testid="share-list">
                {links.map((l) => (
                  <li key={l.id} data-state={l.state}>
                    {l.documentIds.map((id) => docs.find((d) => d.id === id)?.title ?? id).join(" / ")} — {t(`share.states.${l.state}`)} · {t("share.opened", { count: l.openCount })}
                    {l.path && <> · <a href={l.path} data-testid="share-url">{l.path.slice(0, 24)}…</a> <RevokeButton actions={reviewActions} workspaceId={workspaceId} linkId={l.id} /></>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </div>
    </AppFrame>
  );
}
