"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { EXPORT_FORMATS, optionsToSearchParams, type Excerpt, type ExportGroup } from "@/lib/core/export";
import type { ActionResult } from "@/lib/core/action-result";
import { FormError } from "../ui/FormError";
import { INITIAL_STATE, fileNameOf, formatBytes, toOptions, type BuilderState } from "./build-options";
import { ExcerptPreview } from "./ExcerptPreview";
import { ThemeChoices, type ThemeChoice } from "./ThemeChoices";
import styles from "./export.module.css";

interface Choices {
  documents: { id: string; title: string }[];
  /** In tree order, each theme after its parent. */
  themes: ThemeChoice[];
  authors: { id: string; name: string }[];
}
interface Preview {
  total: number;
  groups: { group: ExportGroup; excerpts: Excerpt[] }[];
}
type PreviewAction = (input: { workspaceId: string; options: Omit<ReturnType<typeof toOptions>, "format">; limit: number; locale: "ja" | "en" }) => Promise<ActionResult<Preview>>;

const PREVIEW_SIZE = 10;
const FORMAT_LABEL = { md: "formatMd", docx: "formatDocx", pdf: "formatPdf", csv: "formatCsv", html: "formatHtml", jsonld: "formatJsonld", qdpx: "formatQdpx", qdc: "formatQdc" } as const;

type Download = { state: "idle" } | { state: "running"; bytes: number } | { state: "done"; bytes: number } | { state: "failed" };

/** Prints a tab once it shows `url` (polled: whether a load listener survives the navigation varies). */
function printWhenLoaded(tab: Window, url: string, tries = 100): void {
  try {
    if (tab.location.href === url && tab.document.readyState === "complete") return tab.print();
  } catch {
    return; // the reader navigated the tab elsewhere
  }
  if (tries > 0 && !tab.closed) setTimeout(() => printWhenLoaded(tab, url, tries - 1), 100);
}

/** Filters, grouping, order and contents of an export; a live preview; a download with progress. */
export function ExportBuilder(p: { workspaceId: string; choices: Choices; preview: PreviewAction }) {
  const t = useTranslations("export");
  const locale = useLocale() === "en" ? "en" : "ja";
  const [state, setState] = useState<BuilderState>(INITIAL_STATE);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [download, setDownload] = useState<Download>({ state: "idle" });
  const set = <K extends keyof BuilderState>(key: K, value: BuilderState[K]) => setState((s) => ({ ...s, [key]: value }));
  const toggle = (key: "documentIds" | "themeIds" | "authorIds", id: string) =>
    setState((s) => ({ ...s, [key]: s[key].includes(id) ? s[key].filter((x) => x !== id) : [...s[key], id] }));

  // The preview follows the form, a moment after the last change.
  const { format: _format, ...previewOptions } = toOptions(state);
  const previewKey = JSON.stringify(previewOptions);
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(async () => {
      const res = await p.preview({ workspaceId: p.workspaceId, options: JSON.parse(previewKey), limit: PREVIEW_SIZE, locale }).catch(() => null);
      if (cancelled) return;
      if (res?.ok) {
        setPreview(res.data);
        setPreviewError(null);
      } else setPreviewError(res ? res.error.message : "generic");
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [previewKey, p, locale]);

  /**
   * Fetches the file with progress. `open`: an HTML export is shown in a new tab as a page to
   * read, and `print` asks that tab to print — printing is the reader's choice, not the default.
   */
  async function run(open: "download" | "open" | "print" = "download") {
    // Opened before the fetch, inside the click: a tab opened after an await is a blocked pop-up.
    const tab = open === "download" ? null : window.open("", "_blank");
    setDownload({ state: "running", bytes: 0 });
    try {
      const query = optionsToSearchParams(toOptions(state));
      query.set("lang", locale);
      query.set("tz", Intl.DateTimeFormat().resolvedOptions().timeZone);
      const res = await fetch(`/api/workspaces/${p.workspaceId}/export?${query}`);
      if (!res.ok || !res.body) throw new Error(String(res.status));
      const reader = res.body.getReader();
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        bytes += value.byteLength;
        setDownload({ state: "running", bytes });
      }
      const blob = new Blob(parts, { type: res.headers.get("content-type") ?? "application/octet-stream" });
      const url = URL.createObjectURL(blob);
      if (tab) {
        tab.location.href = url;
        if (open === "print") printWhenLoaded(tab, url);
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        setDownload({ state: "done", bytes });
        return;
      }
      const a = document.createElement("a");
      a.href = url;
      a.download = fileNameOf(res.headers.get("content-disposition"), `export.${state.format}`);
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setDownload({ state: "done", bytes });
    } catch {
      tab?.close();
      setDownload({ state: "failed" });
    }
  }

  const select = (label: string, value: string, onChange: (v: string) => void, options: [string, string][], testId: string) => (
    <label className="stack" style={{ gap: "0.2rem" }}>
      <span className="small">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>{l}</option>
        ))}
      </select>
    </label>
  );

  return (
    <section className={`card ${styles.builder}`} aria-label={t("title")} data-testid="export-builder">
      <form className="stack" onSubmit={(e) => { e.preventDefault(); void run(); }}>
        <fieldset className={styles.fieldset}>
          <legend>{t("documents")}</legend>
          <div className={styles.choices}>
            {p.choices.documents.map((d) => (
              <label key={d.id}><input type="checkbox" checked={state.documentIds.includes(d.id)} onChange={() => toggle("documentIds", d.id)} />{d.title}</label>
            ))}
          </div>
          <span className="small muted">{state.documentIds.length ? "" : t("allDocuments")}</span>
        </fieldset>
        <fieldset className={styles.fieldset}>
          <legend>{t("themes")}</legend>
          <div className={styles.choices} data-testid="export-themes">
            <ThemeChoices themes={p.choices.themes} checked={state.themeIds} onToggle={(id) => toggle("themeIds", id)} />
          </div>
          <span className="small muted">{state.themeIds.length ? "" : t("allThemes")}</span>
        </fieldset>
        <fieldset className={styles.fieldset}>
          <legend>{t("authors")}</legend>
          <div className={styles.choices}>
            {p.choices.authors.map((a) => (
              <label key={a.id}><input type="checkbox" checked={state.authorIds.includes(a.id)} onChange={() => toggle("authorIds", a.id)} />{a.name}</label>
            ))}
          </div>
          <span className="small muted">{state.authorIds.length ? "" : t("allAuthors")}</span>
        </fieldset>
        <fieldset className={styles.fieldset}>
          <legend>{t("filters")}</legend>
          <label className="small">{t("from")}<input type="date" value={state.from} onChange={(e) => set("from", e.target.value)} /></label>
          <label className="small">{t("to")}<input type="date" value={state.to} onChange={(e) => set("to", e.target.value)} /></label>
          {select(t("status"), state.status, (v) => set("status", v as BuilderState["status"]), [["", t("statusAny")], ["open", t("statusOpen")], ["resolved", t("statusResolved")]], "export-status")}
          {select(t("linked"), state.linked, (v) => set("linked", v as BuilderState["linked"]), [["", t("linkedAny")], ["linked", t("linkedOnly")], ["unlinked", t("unlinkedOnly")]], "export-linked")}
        </fieldset>
        {select(t("groupBy"), state.groupBy, (v) => set("groupBy", v as BuilderState["groupBy"]), [["document", t("groupDocument")], ["theme", t("groupTheme")], ["node", t("groupNode")], ["none", t("groupNone")]], "export-group-by")}
        {select(t("order"), state.order, (v) => set("order", v as BuilderState["order"]), [["position", t("orderPosition")], ["created", t("orderCreated")], ["author", t("orderAuthor")]], "export-order")}
        <fieldset className={styles.fieldset}>
          <legend>{t("include")}</legend>
          {(["notes", "replies", "links", "comments"] as const).map((k) => (
            <label key={k} className={styles.check}><input type="checkbox" checked={state[k]} onChange={(e) => set(k, e.target.checked)} />{t(`include${k[0]!.toUpperCase()}${k.slice(1)}` as "includeNotes")}</label>
          ))}
        </fieldset>
        {select(t("format"), state.format, (v) => set("format", v as BuilderState["format"]), EXPORT_FORMATS.map((f) => [f, t(FORMAT_LABEL[f])]), "export-format")}
        <div className="row">
          <button className="btn primary" type="submit" disabled={download.state === "running"} data-testid="export-download">{t("download")}</button>
          {state.format === "html" && (
            <>
              <button className="btn" type="button" disabled={download.state === "running"} onClick={() => void run("open")} data-testid="export-open">{t("openPage")}</button>
              <button className="btn" type="button" disabled={download.state === "running"} onClick={() => void run("print")} data-testid="export-print">{t("print")}</button>
            </>
          )}
        </div>
        {download.state === "running" && (
          <div role="status" aria-live="polite">
            <progress className={styles.progress} />
            <span className="small">{t("downloading", { size: formatBytes(download.bytes) })}</span>
          </div>
        )}
        {download.state === "done" && <p className="alert ok" role="status">{t("downloaded", { size: formatBytes(download.bytes) })}</p>}
        {download.state === "failed" && <p className="alert error" role="alert">{t("failed")}</p>}
      </form>
      <div className={styles.preview} aria-live="polite" data-testid="export-preview">
        <h2 style={{ margin: 0 }}>{t("preview")}</h2>
        <FormError error={previewError} />
        {preview && (
          <>
            <p className="muted small" data-testid="export-count">
              {t("previewCount", { count: preview.total })}
              {preview.total > PREVIEW_SIZE ? ` ${t("previewFirst", { count: PREVIEW_SIZE })}` : ""}
            </p>
            {preview.total === 0 ? <p className="muted">{t("previewEmpty")}</p> : <ExcerptPreview groups={preview.groups} />}
          </>
        )}
      </div>
    </section>
  );
}
