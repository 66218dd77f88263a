/** Only same-site paths are allowed as post-sign-in destinations (no open redirect). */
export function safeCallback(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/w";
  return value;
}
