import { getTranslations } from "next-intl/server";
import type { EntryDiff, SnapshotComparison } from "@/lib/core/review";
import s from "./review.module.css";

/** The readable diff of two snapshots (or a snapshot and now): per kind, added / removed / changed. */
export async function SnapshotDiffView({ comparison }: { comparison: SnapshotComparison }) {
  const t = await getTranslations("review.snapshots");
  const { diff } = comparison;
  const to = comparison.to.id === "live" ? t("live") : comparison.to.name;
  const nodeText = (n: { label: string; kind: string }) => n.label || n.kind;
  const linkText = (l: { kind: string; fromId: string; toId: string }) => `${l.kind}: ${l.fromId} → ${l.toId}`;
  const annText = (a: { exact: string; documentId: string }) => `「${a.exact.slice(0, 80)}」 (${comparison.documents[a.documentId] ?? a.documentId})`;
  return (
    <div className={s.diff} data-testid="snapshot-diff">
      <h3>{t("diffTitle", { from: comparison.from.name, to })}</h3>
      {diff.same ? <p>{t("same")}</p> : (
        <>
          <Kind title={t("nodes")} d={diff.nodes} text={nodeText} t={t} />
          <Kind title={t("links")} d={diff.links} text={linkText} t={t} />
          <Kind title={t("annotations")} d={diff.annotations} text={annText} t={t} />
        </>
      )}
    </div>
  );
}

function Kind<T>({ title, d, text, t }: { title: string; d: EntryDiff<T>; text: (x: T) => string; t: (k: string, v?: Record<string, string>) => string }) {
  if (d.added.length + d.removed.length + d.changed.length === 0) return null;
  return (
    <section>
      <h4>{title}</h4>
      <ul>
        {d.added.map((x, i) => <li key={`a${i}`} className={s.added}>{t("added")}: {text(x)}</li>)}
        {d.removed.map((x, i) => <li key={`r${i}`} className={s.removed}>{t("removed")}: {text(x)}</li>)}
        {d.changed.map((c, i) => <li key={`c${i}`} className={s.changed}>{t("changed")}: {text(c.after)} — {t("fields", { fields: c.fields.join(", ") })}</li>)}
      </ul>
    </section>
  );
}
