import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { CompareView } from "@/components/compare/CompareView";
import { SharedRefusal, SharedBanner, GuestNameForm } from "@/components/review/Shared";
import { isAppError } from "@/lib/core/errors";
import { guestNameSchema, sharedDocumentIds } from "@/lib/core/review";
import { loadPane } from "@/lib/server/documents/get-compare-view";
import { guestCollabTokenOp, openShareOp } from "@/lib/server/review/open-share";
import { logger } from "@/lib/infra/log";

export const dynamic = "force-dynamic";

const log = logger("share");

interface Props {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review");
  return { title: `${t("pageTitle")} — Synoptic`, robots: { index: false } };
}

/**
 * /s/<token> — a share link's view for a guest without an account. Only what the link's scope
 * names is loaded (the `d` of the URL is ignored), and the guest's collab token opens only those
 * documents (checked again by the collab server on every connection).
 */
export default async function SharedPage(props: Props) {
  const { token } = await props.params;
  const search = await props.searchParams;
  let opened;
  try {
    opened = await openShareOp.execute(null, { token });
  } catch (e) {
    if (isAppError(e) && (e.code === "not_found" || e.code === "expired")) return <SharedRefusal reason={e.code} />;
    throw e;
  }
  const rawName = typeof search.name === "string" ? search.name : "";
  const name = guestNameSchema.safeParse(rawName);
  if (opened.allowComments && !name.success) return <GuestNameForm />;
  const ids = sharedDocumentIds(opened.scope);
  const panes = (await Promise.all(ids.map((id) => loadPane(id)))).filter((p) => p !== null);
  let collab: { url: string; token: string; refreshUrl: string } | null = null;
  try {
    const grant = await guestCollabTokenOp.execute(null, { token, guestName: name.success ? name.data : undefined, host: (await headers()).get("host") });
    collab = { url: grant.url, token: grant.token, refreshUrl: `/api/share/${encodeURIComponent(token)}/collab-token${name.success ? `?name=${encodeURIComponent(name.data)}` : ""}` };
  } catch (e) {
    log.warn({ err: e, linkId: opened.id }, "no guest collab token");
  }
  const role = opened.allowComments ? "commenter" : "viewer";
  const guestId = `guest:${opened.id}`;
  const data = {
    workspace: { id: opened.workspace.id, slug: "", name: opened.workspace.name, role } as const,
    panes,
    missing: [],
    documents: panes.map((p) => ({ id: p.document.id, title: p.document.title, language: p.document.language })),
  };
  return (
    <div data-testid="shared-view">
      <SharedBanner workspace={opened.workspace.name} guestName={opened.allowComments && name.success ? name.data : null} expiresAt={opened.expiresAt} />
      <CompareView data={data} initial={{ documents: ids.slice(), positions: ids.map(() => 0), focus: null, sync: false, dropped: 0 }} user={{ id: guestId, name: name.success ? name.data : "Guest" }} collab={collab} />
    </div>
  );
}
