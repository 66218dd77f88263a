/** Labels written into exported files, in the reader's language (lib/i18n/messages/*\/export.json). */
import type { ExportLabels } from "../../core/export";
import type { Locale } from "../../i18n/config";
import enArgument from "../../i18n/messages/en/argument.json";
import en from "../../i18n/messages/en/export.json";
import jaArgument from "../../i18n/messages/ja/argument.json";
import ja from "../../i18n/messages/ja/export.json";

export function exportLabels(locale: Locale): ExportLabels {
  // Relation names are the ones the app shows (argument.relations), so a Japanese export says 支持する.
  return locale === "en" ? { ...en.export.document, relations: enArgument.argument.relations } : { ...ja.export.document, relations: jaArgument.argument.relations };
}
