"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { openAtQuery } from "@/lib/core/compare/open-at";
import type { SearchHit } from "@/lib/core/search/schemas";
import s from "./search.module.css";

/** The snippet with its highlight ranges marked. */
export function Snippet({ text, ranges }: { text: string; ranges: readonly { start: number; end: number }[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [i, r] of [...ranges].sort((a, b) => a.start - b.start).entries()) {
    if (r.start < at) continue;
    parts.push(text.slice(at, r.start), <mark key={i} className={s.mark}>{text.slice(r.start, r.end)}</mark>);
    at = r.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/**
 * One hit: kind, heading path and page, snippet, and the link that opens it in the compare view
 * (a text or quote hit at its offset; a note or reply with its annotation's card).
 */
export function SearchHitRow({ hit, slug, query, compareQuery }: { hit: SearchHit; slug: string; query: string; compareQuery: string }) {
  const t = useTranslations("search");
  const inText = hit.kind === "text" || hit.kind === "annotation";
  let qs = openAtQuery(compareQuery, hit.documentId, inText ? hit.start : 0, query);
  if (hit.annotationId) qs += `&focus=${encodeURIComponent(hit.annotationId)}`;
  const where = [hit.headingPath.join(" › "), hit.page !== null ? t("page", { page: hit.page }) : ""].filter(Boolean).join(" · ");
  return (
    <li className={s.hit} data-testid="search-hit" data-kind={hit.kind}>
      <div className={`${s.hitMeta} small muted`}>
        <span className={s.kind}>{t(`kind.${hit.kind}`)}</span>
        {where && <span>{where}</span>}
      </div>
      <Link href={`/w/${encodeURIComponent(slug)}/compare?${qs}`} className={s.snippet} data-testid="search-open">
        <Snippet text={hit.snippet} ranges={hit.highlights} />
      </Link>
    </li>
  );
}
