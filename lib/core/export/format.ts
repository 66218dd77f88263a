/**
 * How dates and link relations read in an export: in the reader's language and time zone.
 * Stored values stay UTC ISO strings and relation keys; only what a person reads is formatted
 * (JSON-LD keeps the machine forms the W3C model asks for).
 */
import type { ExcerptLink, ExportLabels, ExportMeta } from "./types";

/** The zone an export falls back to when none (or an unknown one) is given. */
export const DEFAULT_TIME_ZONE = "UTC";

/** `tz` when the runtime knows it as an IANA zone, else UTC (a bad value never fails an export). */
export function safeTimeZone(tz: string | null | undefined): string {
  if (!tz) return DEFAULT_TIME_ZONE;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

type When = Pick<ExportMeta, "locale" | "timeZone">;

/** "2026年12月5日 4:05 JST" / "Dec 5, 2026, 4:05 AM GMT+9": a moment as a reader writes it. */
export function formatInstant(iso: string, when: When): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(when.locale ?? "en", {
    timeZone: safeTimeZone(when.timeZone),
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(d);
}

/** "2026-12-05 04:05": sortable local time for spreadsheets (CSV), in the export's time zone. */
export function formatSortable(iso: string, when: When): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: safeTimeZone(when.timeZone),
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(d);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

/** A relation key ("supports") in the reader's language; unknown keys stay as they are. */
export function relationName(kind: string, labels: ExportLabels): string {
  return labels.relations[kind] ?? kind;
}

/** "→ 支持する (label): other end" — one link of an excerpt as a line of text. */
export function linkLine(l: ExcerptLink, labels: ExportLabels): string {
  return `${l.direction === "out" ? "→" : "←"} ${relationName(l.kind, labels)}${l.label ? ` (${l.label})` : ""}: ${l.otherText ?? l.otherId}`;
}
