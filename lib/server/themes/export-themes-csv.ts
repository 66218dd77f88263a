import { z } from "zod";
import { defineOperation } from "../ops/define";
import { idSchema } from "../../core/validation";
import { computeCooccurrence, computeMatrix, cooccurrenceCsv, matrixCsv } from "../../core/themes";
import { LOCALES, type Locale } from "../../i18n/config";
import { loadAnalysis } from "./load-analysis";

const input = z.object({ workspaceId: idSchema, kind: z.enum(["matrix", "cooccurrence"]), locale: z.enum(LOCALES) });

export interface CsvFile {
  filename: string;
  body: string;
}

async function csvLabels(locale: Locale): Promise<Record<string, string>> {
  const messages = (await import(`../../i18n/messages/${locale}/themes.json`)).default as { themes: { csv: Record<string, string> } };
  return messages.themes.csv;
}

/** CSV (UTF-8 with BOM) of the theme × document matrix or of the co-occurrence table. */
export const exportThemesCsvOp = defineOperation({
  name: "themes.csv",
  permission: { kind: "workspace", action: "document.read" },
  input,
  async run(ctx, i): Promise<CsvFile> {
    const data = await loadAnalysis(ctx.workspaceId);
    const l = await csvLabels(i.locale);
    const stamp = ctx.now.toISOString().slice(0, 10);
    if (i.kind === "matrix") {
      const body = matrixCsv(computeMatrix(data), { theme: l.theme!, parent: l.parent!, count: l.count!, coverage: l.coverage!, total: l.total! });
      return { filename: `theme-matrix-${stamp}.csv`, body };
    }
    const table = computeCooccurrence({ themes: data.themes, annotations: data.annotations, documentOrder: data.documents.map((d) => d.id) });
    return { filename: `theme-cooccurrence-${stamp}.csv`, body: cooccurrenceCsv(table, l.theme!) };
  },
});
