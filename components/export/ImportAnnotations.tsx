"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useErrorText } from "../ui/use-error-text";

interface Report {
  report: { exact: number; fuzzy: number; orphaned: number };
  imported: number;
  skipped: number;
  dryRun: boolean;
  orphans: { path: string; quote: string }[];
}
interface Failure {
  message: string;
  issues: { path: string; message: string }[];
  sources: string[];
}

/** Errors of this form that have their own message; others use the shared error texts. */
const OWN_ERRORS: Record<string, "errorMalformed" | "errorTooLarge" | "errorDocument"> = {
  import_json_malformed: "errorMalformed",
  import_too_large: "errorTooLarge",
  document_not_found: "errorDocument",
};

/** Upload of W3C Web Annotation JSON(-LD) or a Hypothesis export, with the anchoring report. */
export function ImportAnnotations(p: { workspaceId: string; documents: { id: string; title: string }[] }) {
  const t = useTranslations("export");
  const errorText = useErrorText();
  const router = useRouter();
  const [documentId, setDocumentId] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Report | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function send(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setResult(null);
    setFailure(null);
    try {
      const query = new URLSearchParams();
      if (documentId) query.set("document", documentId);
      if (dryRun) query.set("dryRun", "1");
      const res = await fetch(`/api/workspaces/${p.workspaceId}/annotations/import?${query}`, { method: "POST", body: file, headers: { "Content-Type": "application/json" } });
      const body = (await res.json().catch(() => ({}))) as Report & { ok?: false; error?: { message: string; details?: { issues?: Failure["issues"]; sources?: string[] } } };
      if (!res.ok) {
        setFailure({ message: body.error?.message ?? "generic", issues: body.error?.details?.issues ?? [], sources: body.error?.details?.sources ?? [] });
        return;
      }
      setResult(body);
      if (!dryRun) router.refresh();
    } catch {
      setFailure({ message: "generic", issues: [], sources: [] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby="import-annotations-title" data-testid="import-annotations">
      <h2 id="import-annotations-title" style={{ margin: 0 }}>{t("importTitle")}</h2>
      <p className="muted small">{t("importIntro")}</p>
      <div className="row">
        <label className="stack" style={{ gap: "0.2rem" }}>
          <span className="small">{t("importDocument")}</span>
          <select value={documentId} onChange={(e) => setDocumentId(e.target.value)}>
            <option value="">{t("importFromSource")}</option>
            {p.documents.map((d) => (
              <option key={d.id} value={d.id}>{d.title}</option>
            ))}
          </select>
        </label>
        <label className="stack" style={{ gap: "0.2rem" }}>
          <span className="small">{t("importFile")}</span>
          <input type="file" accept=".json,.jsonld,application/json,application/ld+json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
      </div>
      <div className="row">
        <button className="btn" type="button" disabled={!file || busy} onClick={() => void send(true)}>{t("importDryRun")}</button>
        <button className="btn primary" type="button" disabled={!file || busy} onClick={() => void send(false)}>{t("importRun")}</button>
      </div>
      {result && (
        <p className="alert ok" role="status">
          {t("importReport", result.report)}
        </p>
      )}
      {result && result.orphans.length > 0 && (
        <ul className="small">
          {result.orphans.map((o) => (
            <li key={o.path}><code>{o.path}</code> {o.quote}</li>
          ))}
        </ul>
      )}
      {failure && (
        <div className="alert error" role="alert">
          <p style={{ margin: 0 }}>{failure.issues.length || failure.sources.length ? t(failure.sources.length ? "importUnknown" : "importErrors") : OWN_ERRORS[failure.message] ? t(OWN_ERRORS[failure.message]!) : errorText(failure.message)}</p>
          <ul className="small">
            {failure.issues.slice(0, 20).map((i, n) => (
              <li key={n}><code>{i.path || "/"}</code> {i.message}</li>
            ))}
            {failure.sources.map((s) => (
              <li key={s}><code>{s}</code></li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
