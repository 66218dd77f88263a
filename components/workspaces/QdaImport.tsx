"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useErrorText } from "../ui/use-error-text";

interface ProjectReport {
  validator: string;
  documents: { title: string; selections: number; placed: number }[];
  themes: { created: number; matched: number };
  annotations: number;
  notes: number;
  replies: number;
  links: number;
  mapNodes: number;
  mappedRelations: { name: string; relation: string; count: number }[];
  notPlaced: { source: string; start: number; end: number; reason: string; quote: string }[];
  missingSources: { name: string; path: string }[];
  unsupported: { kind: string; name: string; within?: string }[];
}
type Result = { kind: "qdpx"; report: ProjectReport } | { kind: "qdc"; report: { created: number; matched: number } };

/** Upload of a REFI-QDA project (.qdpx) or codebook (.qdc), with the import report. */
export function QdaImport(p: { workspaceId: string }) {
  const t = useTranslations("qda");
  const errorText = useErrorText();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [failure, setFailure] = useState<{ message: string; errors: string[] } | null>(null);

  async function send(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setResult(null);
    setFailure(null);
    try {
      const res = await fetch(`/api/workspaces/${p.workspaceId}/qdpx/import`, { method: "POST", body: file, headers: { "Content-Type": "application/octet-stream" } });
      const body = (await res.json().catch(() => ({}))) as Result & { error?: { message: string; details?: { errors?: string[] } } };
      if (!res.ok) return setFailure({ message: body.error?.message ?? "generic", errors: body.error?.details?.errors ?? [] });
      setResult(body);
      router.refresh();
    } catch {
      setFailure({ message: "generic", errors: [] });
    } finally {
      setBusy(false);
    }
  }

  const failureText = (m: string) => (m === "qdpx_schema_invalid" ? t("errorSchema") : m === "qdpx_unsafe_path" ? t("errorUnsafe") : m === "import_zip_bomb" || m === "import_too_large" ? t("errorTooLarge") : errorText(m));

  return (
    <section className="card stack" aria-labelledby="qda-import-title" data-testid="qda-import">
      <h2 id="qda-import-title" style={{ margin: 0 }}>{t("title")}</h2>
      <p className="muted small">{t("intro")}</p>
      <form className="row" onSubmit={send}>
        <label className="stack" style={{ gap: "0.2rem", minWidth: 0, maxWidth: "100%" }}>
          <span className="small">{t("file")}</span>
          <input type="file" accept=".qdpx,.qdc" data-testid="qda-file" style={{ maxWidth: "100%" }} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <button className="btn primary" type="submit" disabled={!file || busy} data-testid="qda-submit">{busy ? t("importing") : t("import")}</button>
      </form>
      {failure && (
        <div className="alert error" role="alert">
          <p style={{ margin: 0 }}>{failureText(failure.message)}</p>
          {failure.errors.length > 0 && <ul className="small">{failure.errors.slice(0, 20).map((e, k) => <li key={k}><code>{e}</code></li>)}</ul>}
        </div>
      )}
      {result?.kind === "qdc" && <p className="alert ok" role="status">{t("codebookDone", { created: result.report.created, matched: result.report.matched })}</p>}
      {result?.kind === "qdpx" && (
        <div className="stack" role="status" data-testid="qda-report">
          <p className="alert ok" style={{ margin: 0 }}>
            {t("projectDone", { documents: result.report.documents.length, annotations: result.report.annotations, notes: result.report.notes, replies: result.report.replies, links: result.report.links, nodes: result.report.mapNodes })}
          </p>
          <p className="small muted" style={{ margin: 0 }}>{t("themes", { created: result.report.themes.created, matched: result.report.themes.matched })} · {t("validator", { validator: result.report.validator })}</p>
          {result.report.mappedRelations.map((m) => <p key={m.name} className="small" style={{ margin: 0 }}>{t("mapped", { name: m.name, relation: m.relation, count: m.count })}</p>)}
          {result.report.notPlaced.length > 0 && (
            <details>
              <summary>{t("notPlaced", { count: result.report.notPlaced.length })}</summary>
              <ul className="small">{result.report.notPlaced.slice(0, 100).map((n, k) => <li key={k}>{n.source} {n.start}–{n.end} ({t(`reason_${n.reason}`)}) {n.quote}</li>)}</ul>
            </details>
          )}
          {result.report.missingSources.length > 0 && <p className="small" style={{ margin: 0 }}>{t("missing", { names: result.report.missingSources.map((m) => m.name).join(", ") })}</p>}
          {result.report.unsupported.length > 0 && (
            <details>
              <summary>{t("unsupported", { count: result.report.unsupported.length })}</summary>
              <ul className="small">{result.report.unsupported.map((u, k) => <li key={k}>{u.kind}: {u.name}{u.within ? ` (${u.within})` : ""}</li>)}</ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
