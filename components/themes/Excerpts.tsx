"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import styles from "./themes.module.css";
import { compareHref as compareLink } from "@/lib/core/compare/href";

export interface Excerpt {
  key: string;
  documentId: string;
  /** The annotation the compare view focuses. */
  annotationId: string;
  text: string;
  authorName?: string | undefined;
  documentTitle?: string | undefined;
}

/** The compare view's address for one passage. */
export const compareHref = (slug: string, documentId: string, annotationId: string): string => compareLink(slug, [documentId], annotationId);

/** A list of quoted passages, each opening the compare view on it. */
export function ExcerptList({ slug, excerpts, colour }: { slug: string; excerpts: readonly Excerpt[]; colour?: string }) {
  const t = useTranslations("themes.matrix");
  if (excerpts.length === 0) return <p className="muted small">{t("noExcerpts")}</p>;
  return (
    <ul className={styles.excerpts}>
      {excerpts.map((e) => (
        <li key={e.key} className={styles.excerpt} style={colour ? { borderInlineStartColor: colour } : undefined} data-testid="excerpt">
          <p className={styles.excerptText}>{e.text}</p>
          <span className="row small">
            {e.documentTitle && <span className="muted">{e.documentTitle}</span>}
            {e.authorName && <span className="muted">{t("by", { name: e.authorName })}</span>}
            <Link href={compareHref(slug, e.documentId, e.annotationId)} data-testid="excerpt-open">
              {t("openInCompare")}
            </Link>
          </span>
        </li>
      ))}
    </ul>
  );
}
