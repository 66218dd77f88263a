import { allThemes, annotationsDocName, listAnnotations, metaDocName } from "../../collab/model";
import { loadCurrentDoc } from "../../collab/server/persistence/project-current";
import type { AnalysisAnnotation, AnalysisDocument, AnalysisTheme } from "../../core/themes";
import { listAnalysisDocuments } from "./list-analysis-documents";

export interface AnalysisData {
  themes: AnalysisTheme[];
  documents: AnalysisDocument[];
  annotations: AnalysisAnnotation[];
}

/**
 * The inputs of the matrix and co-occurrence for server-side exports, read from the stored
 * Yjs states plus the collab server's append log — everything a client has sent, including
 * updates the debounced store has not compacted yet — so a CSV equals what the live views
 * show. Read only: nothing is written behind a live document's back.
 */
export async function loadAnalysis(workspaceId: string): Promise<AnalysisData> {
  const documents = await listAnalysisDocuments(workspaceId);
  // Themes and their hierarchy come from the workspace Y.Doc, not from the Theme table: the doc
  // (stored state + log) is the authoritative source, the table a projection of it that follows
  // the debounced store and holds no deleted or merged theme — and the matrix needs merged ones
  // to count annotations still naming them under their target. Both give the same tree, since
  // the projection derives `parentId` with the views' buildThemeTree (project-workspace.ts).
  const meta = await loadCurrentDoc(metaDocName(workspaceId));
  const themes = allThemes(meta);
  meta.destroy();
  const perDoc = await Promise.all(
    documents.map(async (d) => {
      const doc = await loadCurrentDoc(annotationsDocName(workspaceId, d.id));
      const list = listAnnotations(doc).map(
        (a): AnalysisAnnotation => ({ id: a.id, documentId: d.id, versionId: a.anchor.versionId, start: a.anchor.start, end: a.anchor.end, exact: a.anchor.exact, themeIds: a.themeIds, authorName: a.author.name }),
      );
      doc.destroy();
      return list;
    }),
  );
  return { themes, documents, annotations: perDoc.flat() };
}
