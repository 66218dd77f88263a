/**
 * Test papers with known paragraphs, typeset by ./typeset.ts in several styles
 * (sizes, margins, header texts, page-number forms, indents vs spacing, columns,
 * a tategaki page, hyphenation), so layout rules are not tuned to one generator setting.
 */
import type { Piece, Style } from "./typeset";

const JA = [
  "日米同盟は、地域の安全保障と繁栄の礎となってきた。",
  "拡大抑止の信頼性を高めるため、両国は閣僚級を含む協議を重ねている。",
  "指揮統制の連携は、同盟調整メカニズムを通じて段階的に強化されてきたが、平時から有事までの切れ目のない対応にはなお課題が残る。",
  "反撃能力の保有は、日本の防衛政策における大きな転換である。",
  "その運用には米国との緊密な情報共有と目標選定の調整が欠かせない。",
  "台湾海峡の緊張は、同盟の役割分担を改めて問い直している。",
  "核抑止をめぐる対話は、二〇一〇年に始まった拡大抑止協議を土台としている。",
  "防衛産業の協力も、共同生産と維持整備の両面で広がりつつある。",
];

const EN = [
  "The alliance has long rested on a division of labour that few questioned during the Cold War.",
  "Recent coordination mechanisms have improved the interoperability of command structures considerably.",
  "Nevertheless, the institutionalisation of joint planning remains incomplete and politically sensitive.",
  "Extended deterrence depends on the credibility of commitments as much as on capabilities.",
  "Policymakers in Tokyo increasingly emphasise counterstrike capabilities and integrated air defence.",
  "The post-war settlement constrained Japanese defence policy for decades.",
  "Washington, for its part, expects allies to shoulder a greater share of regional responsibilities.",
  "Several interlocutors described the Extended Deterrence Dialogue as indispensable.",
];

function paragraphs(pool: readonly string[], n: number, lead: (i: number) => string): string[] {
  return Array.from({ length: n }, (_, i) => {
    const k = (i * 3) % pool.length;
    const count = 2 + (i % 3);
    return lead(i) + Array.from({ length: count }, (_, j) => pool[(k + j) % pool.length]).join(pool === EN ? " " : "");
  });
}

export interface TestPaper {
  name: string;
  pieces: Piece[];
  style: Style;
  /** The paragraphs a reader would see, exactly. */
  paragraphs: string[];
  /** Text that must not appear in any block (headers, page numbers). */
  furniture: string[];
}

const JA_LEADS = ["まず、", "次に、", "さらに、", "他方で、", "加えて、", "このように、", "第一に、", "結局のところ、", "同時に、", "一方、", "例えば、", "要するに、", "とりわけ、", "なお、"];

/** Four papers in different styles (two Japanese, two English). */
export function testPapers(): TestPaper[] {
  const jaA = paragraphs(JA, 14, (i) => JA_LEADS[i] ?? "");
  const piecesA: Piece[] = [{ kind: "heading", text: "日米同盟の抑止力と課題" }];
  jaA.forEach((p, i) => {
    if (i === 6) piecesA.push({ kind: "heading", text: "（1）拡大抑止の運用" });
    const marked = i % 4 === 1 ? `${p}${i}` : p; // 「…示している。1」: a plain-digit footnote marker
    piecesA.push({ kind: "para", text: marked, notes: i % 4 === 1 ? [`${i} 防衛省『日本の防衛』令和6年版、第${i}章を参照。`] : [] });
  });
  const verticalA = paragraphs(JA, 2, (i) => ["縦書きの頁では、", "右から左へ読むと、"][i] ?? "");
  piecesA.push({ kind: "vertical", paras: verticalA });

  const jaB = paragraphs(JA, 26, (i) => `論点${"一二三四五六七八九十"[i % 10]}${["", "の二", "の三"][Math.floor(i / 10)]}として、`);
  const piecesB: Piece[] = [{ kind: "heading", text: "同盟調整メカニズムの現状" }];
  jaB.forEach((p, i) => {
    if (i === 9) piecesB.push({ kind: "columns" });
    piecesB.push({ kind: "para", text: p });
  });

  const enLeads = ["First, ", "Second, ", "Third, ", "Moreover, ", "In practice, ", "By contrast, ", "Crucially, ", "Finally, ", "Indeed, ", "Meanwhile, ", "Historically, ", "In short, "];
  const enC = paragraphs(EN, 12, (i) => enLeads[i] ?? "");
  const piecesC: Piece[] = [{ kind: "heading", text: "Renewing Alliance Deterrence" }, { kind: "heading", text: "1. Introduction" }];
  enC.forEach((p, i) => {
    if (i === 4) piecesC.push({ kind: "heading", text: "2.1 Method" });
    if (i === 8) piecesC.push({ kind: "heading", text: "III. Findings" });
    const note = i % 5 === 2 ? (i + 1) / 1 : 0;
    piecesC.push({ kind: "para", text: note ? `${p}${note}` : p, notes: note ? [`${note} See the Ministry of Defense white paper, 2024 edition.`] : [] });
  });

  const enD = paragraphs(EN, 10, (i) => `Point ${i + 1}: `);
  const piecesD: Piece[] = [{ kind: "heading", text: "Command and Control in the Alliance" }, { kind: "columns" }];
  enD.forEach((p) => piecesD.push({ kind: "para", text: p }));

  return [
    { name: "ja-indented-footnotes-vertical", pieces: piecesA, paragraphs: [...jaA, ...verticalA], furniture: ["安全保障を考える", "令和6年8月号", "- 1 -", "- 2 -"],
      style: { size: 10.5, margin: 70, header: () => "安全保障を考える　令和6年8月号", pageNumber: (p) => `- ${p} -`, indent: true } },
    { name: "ja-spaced-two-columns", pieces: piecesB, paragraphs: jaB, furniture: ["日米同盟研究", "1 / ", "2 / "],
      style: { size: 12, margin: 90, header: (p) => (p % 2 ? "日米同盟研究　第3号" : "同盟調整メカニズムの現状"), pageNumber: (p, n) => `${p} / ${n}`, indent: false } },
    { name: "en-hyphenated-numbered", pieces: piecesC, paragraphs: enC, furniture: ["CENTER FOR", "Page 1", "Page 2"],
      style: { size: 11, margin: 72, header: () => "CENTER FOR STRATEGIC STUDIES", pageNumber: (p) => `Page ${p}`, indent: true, hyphenate: true } },
    { name: "en-two-columns", pieces: piecesD, paragraphs: enD, furniture: ["Working Paper", "3頁"],
      style: { size: 9.5, margin: 60, header: (p) => `Working Paper No. 7 (${2020 + p})`, pageNumber: (p) => `${p}頁`, indent: false, hyphenate: true } },
  ];
}
