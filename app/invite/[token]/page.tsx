import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { isAppError } from "@/lib/core/errors";
import { currentActor } from "@/lib/server/auth/session";
import { previewInvitationOp } from "@/lib/server/members/accept-invitation";
import { TopBar } from "@/components/shell/TopBar";
import { AcceptInvitation } from "@/components/members/AcceptInvitation";
import { acceptInvitation } from "../../actions/members";

export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations();
  const actor = await currentActor();
  const back = `/invite/${encodeURIComponent(token)}`;
  let body: React.ReactNode;
  if (!actor) {
    body = (
      <>
        <p>{t("invite.signInFirst")}</p>
        <div className="row">
          <Link className="btn primary" href={`/signin?callbackUrl=${encodeURIComponent(back)}`}>{t("auth.signIn")}</Link>
          <Link className="btn" href={`/register?callbackUrl=${encodeURIComponent(back)}`}>{t("auth.register")}</Link>
        </div>
      </>
    );
  } else {
    const inv = await previewInvitationOp.execute(actor, { token }).catch((e: unknown) => ({ error: isAppError(e) ? e.message : "generic" }));
    body =
      "error" in inv ? (
        <p className="alert error" role="alert">{t.has(`errors.${inv.error}`) ? t(`errors.${inv.error}`) : t("errors.generic")}</p>
      ) : (
        <>
          <p data-testid="invite-body">{t("invite.body", { workspace: inv.workspaceName, role: t(`roles.${inv.role}`) })}</p>
          <AcceptInvitation token={token} accept={acceptInvitation} />
        </>
      );
  }
  return (
    <>
      <TopBar userName={actor?.name ?? null} workspaces={[]} />
      <main id="main" className="narrow">
        <div className="card stack">
          <h1>{t("invite.title")}</h1>
          {body}
        </div>
      </main>
    </>
  );
}
