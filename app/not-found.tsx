import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <main className="narrow">
      <div className="card">
        <h1>{t("notFound")}</h1>
        <p>{t("notFoundBody")}</p>
        <Link href="/w" className="btn">{t("back")}</Link>
      </div>
    </main>
  );
}
