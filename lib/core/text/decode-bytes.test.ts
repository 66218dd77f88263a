import { describe, expect, it } from "vitest";
import { isAppError } from "../errors";
import { decodeBytes } from "./decode-bytes";

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function utf16(s: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let at = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, !bigEndian);
    at = 2;
  }
  for (let i = 0; i < s.length; i++, at += 2) view.setUint16(at, s.charCodeAt(i), !bigEndian);
  return out;
}

describe("decodeBytes", () => {
  it("decodes strict UTF-8, with and without a BOM", () => {
    expect(decodeBytes(utf8("日米同盟"))).toEqual({ text: "日米同盟", encoding: "utf-8", warnings: [] });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("抑止")]);
    expect(decodeBytes(withBom).text).toBe("抑止");
  });

  it("decodes UTF-16 LE and BE by their BOM", () => {
    expect(decodeBytes(utf16("拡大抑止 ACM", false, true))).toMatchObject({ text: "拡大抑止 ACM", encoding: "utf-16le" });
    expect(decodeBytes(utf16("拡大抑止 ACM", true, true))).toMatchObject({ text: "拡大抑止 ACM", encoding: "utf-16be" });
  });

  it("replaces a lone surrogate in UTF-16 with U+FFFD and warns", () => {
    const bytes = utf16("a\ud800b", false, true);
    const r = decodeBytes(bytes);
    expect(r.text).toBe("a\ufffdb");
    expect(r.warnings.join(" ")).toMatch(/U\+FFFD/);
  });

  it("recognises BOM-less UTF-16 from its NUL pattern", () => {
    expect(decodeBytes(utf16("Alliance Coordination Mechanism", false, false))).toMatchObject({ encoding: "utf-16le" });
  });

  it("tells Shift_JIS from EUC-JP", () => {
    // 「日米同盟の抑止力は、長年にわたり維持されてきた。」 in both encodings (from Python's codecs).
    const text = "日米同盟の抑止力は、長年にわたり維持されてきた。";
    const euc = new Uint8Array([0xc6,0xfc,0xca,0xc6,0xc6,0xb1,0xcc,0xc1,0xa4,0xce,0xcd,0xde,0xbb,0xdf,0xce,0xcf,0xa4,0xcf,0xa1,0xa2,0xc4,0xb9,0xc7,0xaf,0xa4,0xcb,0xa4,0xef,0xa4,0xbf,0xa4,0xea,0xb0,0xdd,0xbb,0xfd,0xa4,0xb5,0xa4,0xec,0xa4,0xc6,0xa4,0xad,0xa4,0xbf,0xa1,0xa3]);
    const sjis = new Uint8Array([0x93,0xfa,0x95,0xc4,0x93,0xaf,0x96,0xbf,0x82,0xcc,0x97,0x7d,0x8e,0x7e,0x97,0xcd,0x82,0xcd,0x81,0x41,0x92,0xb7,0x94,0x4e,0x82,0xc9,0x82,0xed,0x82,0xbd,0x82,0xe8,0x88,0xdb,0x8e,0x9d,0x82,0xb3,0x82,0xea,0x82,0xc4,0x82,0xab,0x82,0xbd,0x81,0x42]);
    expect(decodeBytes(sjis)).toMatchObject({ text, encoding: "shift_jis" });
    expect(decodeBytes(euc)).toMatchObject({ text, encoding: "euc-jp" });
  });

  it("refuses binary files with a clear, user-safe error", () => {
    const pdf = utf8("%PDF-1.7\n...");
    expect(() => decodeBytes(pdf)).toThrow(expect.objectContaining({ message: "import_binary_as_text", details: expect.objectContaining({ what: "a PDF" }) }));
    const bin = new Uint8Array([0x41, 0x00, 0x00, 0x17, 0x42, 0x00, 0x05]);
    try {
      decodeBytes(bin);
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code === "unsupported_media").toBe(true);
      expect((e as Error).message).toBe("import_binary_as_text");
      expect(JSON.stringify((e as { details?: unknown }).details)).toMatch(/NUL byte/);
    }
  });
});
