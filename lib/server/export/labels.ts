/** Labels written into exported files, in the reader's language (lib/i18n/messages/*\/export.json). */
import type { ExportLabels } from "../../core/export";
import type { Locale } from "../../i18n/config";
import en from "../../i18n/messages/en/export.json";
import ja from "../../i18n/messages/ja/export.json";

export function exportLabels(locale: Locale): ExportLabels {
  return (locale === "en" ? en : ja).export.document;
}
