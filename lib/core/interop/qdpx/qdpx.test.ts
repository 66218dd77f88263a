import { describe, expect, it } from "vitest";
import { canonicalRangeOf, normaliseText } from "../../text";
import { checkProjectStructure, cleanXmlChars, escapeAttr, guidOf, parseGuid, parseXml, placeSelection, readProject, sourceTexts, writeProject, XmlLimitError } from "./";

describe("xml writer", () => {
  it("escapes markup and drops characters XML 1.0 cannot carry, counting them", () => {
    const stats = { removedChars: 0 };
    expect(escapeAttr('a<b>&"c\'\n\t\u0001\ud800', stats)).toBe("a&lt;b&gt;&amp;&quot;c'&#10;&#9;");
    expect(stats.removedChars).toBe(2);
    expect(cleanXmlChars("𠮷\uFFFE")).toBe("𠮷");
  });
});

describe("guids", () => {
  it("keeps UUIDs, derives stable well-formed GUIDs for other ids", () => {
    expect(guidOf("4F1C2B3A-0000-4000-8000-00000000000A")).toBe("4f1c2b3a-0000-4000-8000-00000000000a");
    const g = guidOf("cm1abc");
    expect(parseGuid(g)).toBe(g);
    expect(guidOf("cm1abc")).toBe(g);
    expect(guidOf("cm1abc", "note")).not.toBe(g);
    expect(parseGuid("{ABCDEF01-2345-6789-ABCD-EF0123456789}")).toBe("abcdef01-2345-6789-abcd-ef0123456789");
    expect(parseGuid("nope")).toBeNull();
  });
});

describe("positions", () => {
  it("lands code-point selections of a raw text on the normalised text through the offset map", () => {
    const raw = "𠮷野家の\r\n牛丼は安い。\r\n\r\n次の段落 👍🏽 です。";
    const n = normaliseText(raw);
    const t = sourceTexts(raw, n.text, n.offsetMap);
    const cps = [...raw];
    const at = (q: string) => {
      const s = cps.join("").indexOf(q);
      return [[...raw.slice(0, s)].length, [...raw.slice(0, s)].length + [...q].length] as const;
    };
    for (const q of ["𠮷野家", "牛丼は安い。", "👍🏽 です"]) {
      const [s, e] = at(q);
      const p = placeSelection(t, s, e);
      expect(p.ok && n.text.slice(p.start, p.end)).toBe(q);
    }
    expect(placeSelection(t, 3, 999)).toMatchObject({ ok: false, reason: "out_of_range" });
  });

  it("canonicalRangeOf skips what the normaliser inserted", () => {
    const n = normaliseText("abc\n\ndef");
    expect(canonicalRangeOf(n.offsetMap, 1, 7)).toEqual({ start: 1, end: n.text.indexOf("def") + 2 });
  });
});

describe("project xml", () => {
  it("reads back what it writes, and checks structure without a schema", () => {
    const { xml } = writeProject({
      name: "p", origin: "t", users: [{ guid: guidOf("u"), name: "U" }], variables: [], notes: [], links: [], graphs: [],
      codes: [{ guid: guidOf("c1"), name: "A & B", color: "#112233", children: [{ guid: guidOf("c2"), name: "child", children: [] }] }],
      sources: [{ guid: guidOf("s"), name: "S", plainTextPath: "internal://s.txt", values: [], selections: [{ guid: guidOf("x"), start: 1, end: 4, codings: [{ guid: guidOf("k"), codeGuid: guidOf("c2") }], noteGuids: [] }] }],
    });
    const root = parseXml(xml)!;
    expect(checkProjectStructure(root)).toEqual([]);
    const p = readProject(root);
    expect(p.codes[0]!.name).toBe("A & B");
    expect(p.codes[0]!.children[0]!.name).toBe("child");
    expect(p.sources[0]!.selections[0]).toMatchObject({ start: 1, end: 4, codings: [{ codeGuid: guidOf("c2") }] });
    expect(checkProjectStructure(parseXml('<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Users><User guid="bad"/></Users></Project>')!)).toEqual(['<User guid="bad"> is not a GUID']);
  });

  it("stops parsing past the depth cap", () => {
    expect(() => parseXml("<a>".repeat(300) + "</a>".repeat(300))).toThrow(XmlLimitError);
  });
});
