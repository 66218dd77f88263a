import type { Locale } from "./config";

/**
 * Messages are split by feature (one file per namespace group) so features can be
 * worked on side by side; they are merged into one tree per locale.
 */
export const MESSAGE_FILES = ["app", "import", "reader", "compare", "themes", "export", "argument", "search", "review"] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const parts = await Promise.all(MESSAGE_FILES.map(async (file) => (await import(`./messages/${locale}/${file}.json`)).default as Record<string, unknown>));
  return Object.assign({}, ...parts) as Record<string, unknown>;
}
