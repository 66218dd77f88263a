import { getFormatter, getTranslations } from "next-intl/server";
import s from "./review.module.css";

/** The refusal a guest sees for a bad, expired or revoked link: nothing about the workspace. */
export async function SharedRefusal({ reason }: { reason: "not_found" | "expired" }) {
  const t = await getTranslations("review.shared.refused");
  return (
    <main className={s.refusal} data-testid="share-refused" data-reason={reason}>
      <h1>{t("title")}</h1>
      <p>{t(reason)}</p>
    </main>
  );
}

export async function SharedBanner({ workspace, guestName, expiresAt }: { workspace: string; guestName: string | null; expiresAt: string }) {
  const t = await getTranslations("review.shared");
  const f = await getFormatter();
  return (
    <p className={s.banner} role="note" data-testid="share-banner">
      <strong>{guestName ? t("bannerComments", { workspace, name: guestName }) : t("banner", { workspace })}</strong>
      <span className="muted">{t("expires", { date: f.dateTime(new Date(expiresAt), { dateStyle: "medium" }) })}</span>
    </p>
  );
}

/** A link that allows comments asks the guest's name first (a plain GET form: no script needed). */
export async function GuestNameForm() {
  const t = await getTranslations("review.shared");
  return (
    <main className={s.refusal}>
      <form method="get" className={s.nameForm}>
        <label>
          {t("namePrompt")}
          <input name="name" required maxLength={40} autoComplete="name" />
        </label>
        <button type="submit" className="btn primary">{t("nameSubmit")}</button>
      </form>
    </main>
  );
}
