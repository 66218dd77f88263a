"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { ActionResult } from "@/lib/core/action-result";
import { useErrorText } from "../ui/use-error-text";
import { FormError } from "../ui/FormError";
import { useAction } from "../ui/use-action";
import type { ImportReport } from "@/lib/core/text/build-report";
import { ImportReportView } from "./ImportReportView";
import { uploadFile, type UploadError } from "./upload-file";
import { ImportJobs } from "./ImportJobs";
import { useImportJobs } from "./use-import-jobs";
import styles from "./import.module.css";

interface Imported {
  id: string;
  title: string;
  blocks: number;
  warnings: string[];
  report?: ImportReport;
}

type Status = { state: "uploading"; fraction: number } | { state: "processing" } | { state: "done"; result: Imported } | { state: "failed"; error: string };

interface Item {
  key: string;
  name: string;
  status: Status;
}

type Paste = (i: { workspaceId: string; text: string; title?: string; markdown: boolean }) => Promise<ActionResult<Imported>>;

/** Drag-and-drop (or chosen) files, uploaded one request per file with progress, and pasted text. */
export function ImportPanel(p: { workspaceId: string; workspaceSlug: string; maxBytes: number; paste: Paste }) {
  const t = useTranslations("import");
  const errorText = useErrorText();
  const router = useRouter();
  const [items, setItems] = useState<Item[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const paste = useAction(p.paste);
  const ocr = useImportJobs(p.workspaceId);

  const update = (key: string, status: Status) => setItems((all) => all.map((i) => (i.key === key ? { ...i, status } : i)));

  async function start(files: FileList | File[]) {
    const list = Array.from(files);
    const added = list.map((f, n) => ({ key: `${Date.now()}-${n}-${f.name}`, name: f.name, status: { state: "uploading", fraction: 0 } as Status }));
    setItems((all) => [...added, ...all]);
    // Sequential: a study group's laptop on café Wi-Fi does better with one upload at a time.
    for (const [n, file] of list.entries()) {
      const key = added[n]!.key;
      if (file.size > p.maxBytes) {
        update(key, { state: "failed", error: "import_too_large" });
        continue;
      }
      try {
        const result = await uploadFile<Imported | { job: { id: string } }>(`/api/workspaces/${p.workspaceId}/documents`, file, (fraction) =>
          update(key, fraction >= 1 ? { state: "processing" } : { state: "uploading", fraction }),
        );
        if ("job" in result) {
          // A scan: its OCR job (listed below with page progress) creates the document later.
          setItems((all) => all.filter((i) => i.key !== key));
          ocr.refresh();
          continue;
        }
        update(key, { state: "done", result });
        router.refresh(); // the document list grows as each file lands
      } catch (e) {
        update(key, { state: "failed", error: (e as UploadError).message ?? "generic" });
      }
    }
  }

  const size = `${Math.round(p.maxBytes / 1024 / 1024)} MB`;
  return (
    <section className="card stack" aria-labelledby="import-title">
      <h2 id="import-title">{t("title")}</h2>
      <div
        className={`${styles.drop} ${over ? styles.over : ""}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (e.dataTransfer.files.length) void start(e.dataTransfer.files);
        }}
      >
        <p>
          {t("drop")}{" "}
          <button type="button" className="btn" onClick={() => input.current?.click()}>
            {t("choose")}
          </button>
        </p>
        <p className="muted small">{t("formats", { size })}</p>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="file-input"
          accept=".txt,.md,.markdown,.html,.htm,.docx,.pdf,text/plain,text/markdown,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(e) => {
            if (e.target.files?.length) void start(e.target.files);
            e.target.value = "";
          }}
        />
      </div>
      {items.length > 0 && (
        <ul className={styles.items} aria-live="polite" data-testid="import-items">
          {items.map((item) => (
            <li key={item.key} data-state={item.status.state}>
              <span className={styles.name}>{item.name}</span>
              {item.status.state === "uploading" && (
                <>
                  <progress max={1} value={item.status.fraction} aria-label={item.name} />
                  <span className="muted small">{t("uploading", { percent: Math.round(item.status.fraction * 100) })}</span>
                </>
              )}
              {item.status.state === "processing" && <span className="muted small">{t("processing")}</span>}
              {item.status.state === "done" && (
                <span className="small">
                  {t("done", { blocks: item.status.result.blocks })}
                  {item.status.result.warnings.length > 0 && <span className="muted"> · {t("warnings", { count: item.status.result.warnings.length })}</span>}{" "}
                  <Link href={`/w/${p.workspaceSlug}/d/${item.status.result.id}`}>{t("open")}</Link>
                </span>
              )}
              {item.status.state === "done" && item.status.result.report && <ImportReportView report={item.status.result.report} />}
              {item.status.state === "failed" && (
                <span className="alert error small" role="alert">
                  {errorText(item.status.error)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <ImportJobs jobs={ocr.jobs.filter((j) => j.kind === "ocr")} workspaceSlug={p.workspaceSlug} />
      <details>
        <summary>{t("paste")}</summary>
        <form
          className="stack"
          style={{ marginTop: "0.75rem" }}
          onSubmit={async (e) => {
            e.preventDefault();
            const form = e.currentTarget;
            const f = new FormData(form);
            const title = String(f.get("title") ?? "").trim();
            const done = await paste.run({ workspaceId: p.workspaceId, text: String(f.get("text") ?? ""), markdown: f.get("markdown") === "on", ...(title ? { title } : {}) });
            if (done) {
              setItems((all) => [{ key: `paste-${Date.now()}`, name: done.title, status: { state: "done", result: done } }, ...all]);
              form.reset();
            }
          }}
        >
          <label>
            {t("pasteTitle")}
            <input name="title" maxLength={200} />
          </label>
          <label>
            {t("pasteLabel")}
            <textarea name="text" rows={8} required />
          </label>
          <label className="row" style={{ flexDirection: "row", fontWeight: 400 }}>
            <input type="checkbox" name="markdown" /> {t("pasteMarkdown")}
          </label>
          <FormError error={paste.error} />
          <div>
            <button className="btn primary" type="submit" disabled={paste.busy}>
              {t("pasteSubmit")}
            </button>
          </div>
        </form>
      </details>
    </section>
  );
}
