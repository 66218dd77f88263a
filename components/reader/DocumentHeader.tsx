import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { DocumentMetaView, VersionSummary } from "@/lib/core/reader";
import s from "./reader.module.css";

interface Props {
  document: DocumentMetaView;
  versions: VersionSummary[];
  current: VersionSummary;
  /** Path of the workspace's document list. */
  listHref: string;
  /** Path of this document's reader; `?v=N` is appended for a version. */
  readerHref: string;
}

/** Only http(s) sources become links: a stored URL is data, never a script. */
function safeUrl(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/** Title, metadata and the versions of a document, above its reader. */
export function DocumentHeader({ document: doc, versions, current, listHref, readerHref }: Props) {
  const t = useTranslations("reader");
  const format = useFormatter();
  const latest = versions[versions.length - 1];
  const href = safeUrl(doc.sourceUrl);
  const facts = [doc.authors, doc.publishedOn, t("chars", { count: current.charCount })].filter((f): f is string => !!f);
  return (
    <header className={s.header}>
      <Link href={listHref} className={`small ${s.backLink}`}>← {t("backToDocuments")}</Link>
      <h1 lang={doc.language ?? undefined} data-testid="reader-title">{doc.title}</h1>
      <p className={`muted small ${s.facts}`}>
        {facts.map((f, i) => <span key={i}>{f}</span>)}
        {href && <a href={href} rel="noopener noreferrer" target="_blank">{t("source")}</a>}
      </p>
      {doc.notes && <p className={`small ${s.docNotes}`}>{doc.notes}</p>}
      <nav className={s.versions} aria-label={t("versions")} data-testid="reader-versions">
        <span className="muted small">{t("versionOf", { count: versions.length })}</span>
        {versions.map((v) => (
          <Link
            key={v.number}
            href={v.number === latest?.number ? readerHref : `${readerHref}?v=${v.number}`}
            aria-current={v.number === current.number ? "page" : undefined}
            title={format.dateTime(new Date(v.createdAt), { dateStyle: "medium", timeStyle: "short" })}
          >
            {v.number === latest?.number ? t("versionLatest", { number: v.number }) : t("versionLabel", { number: v.number })}
          </Link>
        ))}
      </nav>
      {latest && current.number !== latest.number && (
        <p className={`alert ${s.older}`} role="status">
          {t("olderVersion", { number: current.number })} <Link href={readerHref}>{t("readLatest")}</Link>
        </p>
      )}
    </header>
  );
}
