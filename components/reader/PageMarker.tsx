import { useTranslations } from "next-intl";
import s from "./reader.module.css";

/**
 * "p. N" in the margin where the page changes. It sits outside every block's text
 * element and cannot be selected, so it never enters an annotation's text.
 */
export function PageMarker({ page }: { page: number }) {
  const t = useTranslations("reader");
  return (
    <span className={s.pageMarker} data-page={page} title={t("pageLabel", { page })}>
      {t("pageMarker", { page })}
    </span>
  );
}
