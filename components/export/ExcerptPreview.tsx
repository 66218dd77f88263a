"use client";

import { useTranslations } from "next-intl";
import type { Excerpt, ExportGroup } from "@/lib/core/export";
import styles from "./export.module.css";

/** The first excerpts of an export, grouped and cited as the file will be. */
export function ExcerptPreview({ groups }: { groups: { group: ExportGroup; excerpts: Excerpt[] }[] }) {
  const t = useTranslations("export");
  return (
    <div className="stack">
      {groups.map((g) => (
        <section key={`${g.group.kind}:${g.group.id ?? "rest"}`} className="stack" style={{ gap: "0.6rem" }}>
          <h3 className={styles.group}>{g.group.title}</h3>
          {g.excerpts.map((e) => {
            const c = e.citation;
            const where = [c.organisation, c.date, c.headingPath.join(" › "), c.page !== null ? `${t("page")} ${c.page}` : null, c.paragraph !== null ? `${t("paragraph")} ${c.paragraph}` : null].filter(Boolean).join(" — ");
            return (
              <article key={`${g.group.id}:${e.id}`} data-testid="export-excerpt">
                <blockquote className={styles.excerpt}>{e.quote}</blockquote>
                <p className={styles.cite}>
                  — {c.title}{where ? ` — ${where}` : ""} · <a href={c.permalink}>{t("openPassage")}</a>
                </p>
                {e.themes.length > 0 && <p className={styles.cite}>{e.themes.map((th) => <span key={th.id} className={styles.tag} style={{ borderColor: th.colour }}>{th.name}</span>)}</p>}
                {e.note && <p className="small">{e.note}</p>}
              </article>
            );
          })}
        </section>
      ))}
    </div>
  );
}
