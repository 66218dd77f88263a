import type { z } from "zod";
import { AppError } from "../../core/errors";

/** Parses `value` or throws `invalid_input` naming the first failing field. */
export function parseEntry<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError("invalid_input", issue?.message ?? "invalid_input", { details: { field: issue?.path.join(".") ?? "" } });
}
