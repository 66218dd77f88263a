/**
 * The search operation: every edge (REST API, CLI, and the search UI's route) runs this, so the
 * workspace permission is checked before any index is read.
 */
import { type z } from "zod";
import { searchParamsSchema } from "../../core/search";
import { idSchema } from "../../core/validation";
import { defineOperation } from "../ops/define";
import { searchWorkspace } from "./search-workspace";

export const searchWorkspaceOp = defineOperation({
  name: "search.workspace",
  permission: { kind: "workspace", action: "document.read" },
  input: searchParamsSchema.extend({ workspaceId: idSchema }),
  async run(ctx, input) {
    return searchWorkspace(ctx.workspaceId, input);
  },
});

/** Search parameters from a URL's query string: `q`, `document`, `kind`, `theme`, `author` (repeatable), `offset`, `limit`. */
export function searchParamsFromUrl(url: URL): z.input<typeof searchParamsSchema> {
  const all = (name: string) => url.searchParams.getAll(name).flatMap((v) => v.split(",")).filter(Boolean);
  return {
    q: url.searchParams.get("q") ?? "",
    documentIds: all("document"),
    kinds: all("kind") as z.input<typeof searchParamsSchema>["kinds"],
    themeIds: all("theme"),
    authorIds: all("author"),
    offset: url.searchParams.get("offset") ?? undefined,
    limit: url.searchParams.get("limit") ?? undefined,
  } as z.input<typeof searchParamsSchema>;
}
