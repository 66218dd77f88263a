import { z } from "zod";

/** Limits shown to users in error messages; kept here so UI and server agree. */
export const LIMITS = {
  nameMax: 80,
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 200,
} as const;

// C0/C1 controls, bidi overrides and zero-width joiners make names lie about what
// they show; they are refused rather than silently stripped.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

/** Removes control, bidi-override and zero-width characters (for file names and imported titles). */
export function stripUnsafeChars(s: string): string {
  return [...s].filter((ch) => !UNSAFE_CHARS.test(ch)).join("");
}

/** A display name: trimmed, NFC, 1..nameMax characters, no control or bidi characters. */
export const nameSchema = z
  .string()
  .transform((s) => s.normalize("NFC").trim())
  .pipe(
    z
      .string()
      .min(1, { message: "name_required" })
      .max(LIMITS.nameMax, { message: "name_too_long" })
      .refine((s) => !UNSAFE_CHARS.test(s), { message: "name_invalid_chars" }),
  );

export const emailSchema = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.email({ message: "email_invalid" }).max(LIMITS.emailMax, { message: "email_invalid" }));

const COMMON_PASSWORDS = new Set([
  "password123", "1234567890", "qwertyuiop", "password1234", "iloveyou123", "0123456789",
  "abcdefghij", "passw0rd123", "administrator", "letmein1234",
]);

/**
 * Password rules (NIST 800-63B style): length matters, composition rules do not.
 * Returns the i18n key of the first rule broken, or null.
 */
export function passwordProblem(password: string, email?: string): string | null {
  const length = [...password].length;
  if (length < LIMITS.passwordMin) return "password_too_short";
  if (length > LIMITS.passwordMax) return "password_too_long";
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return "password_common";
  if (new Set(password).size < 4) return "password_repetitive";
  if (email && password.toLowerCase().includes(email.split("@")[0]!.toLowerCase()) && email.split("@")[0]!.length >= 4)
    return "password_contains_email";
  return null;
}

export const registerSchema = z
  .object({ name: nameSchema, email: emailSchema, password: z.string() })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, v.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export const idSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
export const slugSchema = z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9-]*$/);

/**
 * A URL slug for a workspace name. Japanese names have no ASCII to keep, so a random
 * suffix (passed in, to keep this pure) makes the slug unique and unguessable.
 */
export function slugify(name: string, randomSuffix: string): string {
  const ascii = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return ascii ? `${ascii}-${randomSuffix}` : `ws-${randomSuffix}`;
}
