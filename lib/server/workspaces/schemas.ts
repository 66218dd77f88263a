import { z } from "zod";
import { idSchema, nameSchema, slugSchema } from "../../core/validation";
import { ROLES } from "../../core/roles";

/** A workspace named by id or slug (pages have the slug, API clients the id). */
export const workspaceRef = z.union([
  z.object({ workspaceId: idSchema }),
  z.object({ workspaceSlug: slugSchema }),
]);
export const workspaceIdInput = z.object({ workspaceId: idSchema });
export const roleSchema = z.enum(ROLES);
export { nameSchema };
