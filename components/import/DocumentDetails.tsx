"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/lib/core/action-result";
import type { DocumentMetaView } from "@/lib/core/reader/view";
import { useAction } from "../ui/use-action";
import { FormError } from "../ui/FormError";
import { useErrorText } from "../ui/use-error-text";
import { uploadFile, type UploadError } from "./upload-file";
import { ReanchorJobs } from "./ReanchorJobs";
import { useImportJobs } from "./use-import-jobs";

type MetaField = "authors" | "publishedOn" | "sourceUrl" | "language" | "notes";
type MetaInput = { workspaceId: string; documentId: string; title: string } & { [K in MetaField]?: string };

interface Props {
  workspaceId: string;
  workspaceSlug: string;
  documentId: string;
  meta: DocumentMetaView;
  canEdit: boolean;
  canDelete: boolean;
  update: (i: MetaInput) => Promise<ActionResult<unknown>>;
  remove: (i: { workspaceId: string; documentId: string }) => Promise<ActionResult<unknown>>;
}

const FIELDS = ["title", "authors", "publishedOn", "sourceUrl", "language"] as const;

/** A document's editable details, a new version upload, and deletion. */
export function DocumentDetails(p: Props) {
  const t = useTranslations("import");
  const errorText = useErrorText();
  const router = useRouter();
  const update = useAction(p.update);
  const remove = useAction(p.remove);
  const [saved, setSaved] = useState(false);
  // The re-anchoring job a new version queues, polled like the import panel's OCR jobs.
  const jobs = useImportJobs(p.workspaceId);
  const [version, setVersion] = useState<{ state: "idle" | "busy" | "done" | "failed"; message?: string; number?: number }>({ state: "idle" });

  return (
    <section className="card stack" aria-labelledby="doc-details">
      <h2 id="doc-details">{t("metaTitle")}</h2>
      <form
        className="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          setSaved(false);
          const f = new FormData(e.currentTarget);
          const input: MetaInput = { workspaceId: p.workspaceId, documentId: p.documentId, title: String(f.get("title") ?? "") };
          for (const k of ["authors", "publishedOn", "sourceUrl", "language", "notes"] as const) input[k] = String(f.get(k) ?? "");
          setSaved((await update.run(input)) !== null);
        }}
      >
        {FIELDS.map((k) => (
          <label key={k}>
            {t(`metaFields.${k}`)}
            <input name={k} defaultValue={p.meta[k] ?? ""} disabled={!p.canEdit} maxLength={k === "sourceUrl" ? 2000 : 300} />
          </label>
        ))}
        <label>
          {t("metaFields.notes")}
          <textarea name="notes" defaultValue={p.meta.notes ?? ""} disabled={!p.canEdit} rows={3} maxLength={5000} />
        </label>
        <FormError error={update.error} />
        {saved && <p className="alert ok" role="status">{t("saved")}</p>}
        {p.canEdit && (
          <div>
            <button type="submit" className="btn primary" disabled={update.busy}>{t("save")}</button>
          </div>
        )}
      </form>
      {p.canEdit && (
        <div className="stack">
          <h3 className="small">{t("newVersion")}</h3>
          <label className="small">
            {t("versionUpload")}
            <input
              type="file"
              data-testid="version-input"
              accept=".txt,.md,.markdown,.html,.htm,.docx,.pdf"
              disabled={version.state === "busy"}
              onChange={async (e) => {
                const file = e.target.files?.[0];
                e.target.value = "";
                if (!file) return;
                setVersion({ state: "busy" });
                try {
                  const r = await uploadFile<{ version: number }>(`/api/workspaces/${p.workspaceId}/documents/${p.documentId}/versions`, file, () => undefined);
                  setVersion({ state: "done", number: r.version });
                  jobs.refresh();
                  router.refresh();
                } catch (err) {
                  setVersion({ state: "failed", message: (err as UploadError).message });
                }
              }}
            />
          </label>
          {version.state === "busy" && <p className="muted small">{t("processing")}</p>}
          {version.state === "done" && <p className="alert ok small" role="status">{t("versionDone", { version: version.number ?? 0 })}</p>}
          {version.state === "failed" && <p className="alert error small" role="alert">{errorText(version.message)}</p>}
          <ReanchorJobs jobs={jobs.jobs} workspaceSlug={p.workspaceSlug} documentId={p.documentId} />
        </div>
      )}
      {p.canDelete && (
        <div>
          <FormError error={remove.error} />
          <button
            type="button"
            className="btn danger"
            disabled={remove.busy}
            onClick={async () => {
              if (!window.confirm(t("deleteConfirm", { title: p.meta.title }))) return;
              if (await remove.run({ workspaceId: p.workspaceId, documentId: p.documentId })) router.push(`/w/${p.workspaceSlug}`);
            }}
          >
            {t("delete")}
          </button>
        </div>
      )}
    </section>
  );
}
