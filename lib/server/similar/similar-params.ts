/** The query string of the similar-passages routes (web and /api/v1) as operation input. */
export function similarParams(req: Request, params: Record<string, string | string[]>): Record<string, unknown> {
  const q = new URL(req.url).searchParams;
  const get = (name: string) => q.get(name) || undefined;
  return { workspaceId: params.workspaceId, documentId: get("document"), start: get("start"), end: get("end"), annotationId: get("annotation"), limit: get("limit") };
}
