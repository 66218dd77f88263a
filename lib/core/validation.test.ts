import { describe, expect, it } from "vitest";
import { emailSchema, nameSchema, passwordProblem, registerSchema, slugify } from "./validation";
import { negotiateLocale } from "../i18n/config";

describe("nameSchema", () => {
  it("trims and NFC-normalises", () => {
    expect(nameSchema.parse("  研究会 ")).toBe("研究会");
    expect(nameSchema.parse("e\u0301")).toBe("\u00e9");
  });
  it("refuses empty, overlong and control/bidi characters", () => {
    expect(nameSchema.safeParse("   ").success).toBe(false);
    expect(nameSchema.safeParse("あ".repeat(81)).success).toBe(false);
    expect(nameSchema.safeParse("あ".repeat(80)).success).toBe(true);
    expect(nameSchema.safeParse("evil\u202eexe").success).toBe(false);
    expect(nameSchema.safeParse("nul\u0000").success).toBe(false);
  });
  it("keeps markup as plain text (rendering escapes it)", () => {
    expect(nameSchema.parse("<script>alert(1)</script>")).toBe("<script>alert(1)</script>");
  });
});

describe("email and password rules", () => {
  it("lower-cases emails and refuses malformed ones", () => {
    expect(emailSchema.parse(" Aoi@Example.COM ")).toBe("aoi@example.com");
    for (const bad of ["", "aoi", "aoi@", "@example.com", "a b@example.com"]) expect(emailSchema.safeParse(bad).success).toBe(false);
  });
  it("explains the first broken password rule", () => {
    expect(passwordProblem("short")).toBe("password_too_short");
    expect(passwordProblem("x".repeat(201))).toBe("password_too_long");
    expect(passwordProblem("password123")).toBe("password_common");
    expect(passwordProblem("aaaaaaaaaaaa")).toBe("password_repetitive");
    expect(passwordProblem("my-aoitanaka-pass", "aoitanaka@example.com")).toBe("password_contains_email");
    expect(passwordProblem("correct horse battery staple")).toBeNull();
  });
  it("reports the password field", () => {
    const r = registerSchema.safeParse({ name: "A", email: "a@example.com", password: "short" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["password"]);
  });
});

describe("slugify", () => {
  it("keeps ASCII words and falls back for Japanese names", () => {
    expect(slugify("Alliance Study Group", "ab12")).toBe("alliance-study-group-ab12");
    expect(slugify("日米同盟と抑止", "ab12")).toBe("ws-ab12");
  });
});

describe("negotiateLocale", () => {
  it("follows quality order and defaults to Japanese", () => {
    expect(negotiateLocale("en-US,en;q=0.9,ja;q=0.8")).toBe("en");
    expect(negotiateLocale("fr-FR,ja;q=0.5,en;q=0.4")).toBe("ja");
    expect(negotiateLocale("de")).toBe("ja");
    expect(negotiateLocale(null)).toBe("ja");
    expect(negotiateLocale("en;q=0,ja")).toBe("ja");
  });
});
