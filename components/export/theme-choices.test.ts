/**
 * The export builder's theme filter shows the hierarchy as nested lists: each child inside its
 * parent's item (indented on screen, "level 2" to a screen reader), in the order given.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { ThemeChoices, type ThemeChoice } from "./ThemeChoices";

const theme = (id: string, name: string, parentId: string | null = null): ThemeChoice => ({ id, name, colour: "#336699", parentId });

describe("ThemeChoices", () => {
  it("nests each theme's children in a list inside its item, keeping the order given", () => {
    // Tree order as the server sends it; names deliberately not alphabetical.
    const themes = [theme("b", "経済"), theme("b2", "輸出管理", "b"), theme("b1", "サプライチェーン", "b"), theme("b1x", "半導体", "b1"), theme("a", "安全保障")];
    const html = renderToStaticMarkup(createElement(ThemeChoices, { themes, checked: ["b1"], onToggle: () => {} }));
    const { document: doc } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    const child = (el: Element, tag: string) => [...el.children].find((c) => c.tagName.toLowerCase() === tag);
    const tree = (ul: Element): unknown[] =>
      [...ul.children].map((li) => {
        const text = child(li, "label")!.textContent;
        const sub = child(li, "ul");
        return sub ? [text, tree(sub)] : text;
      });
    expect(tree(doc.body.firstElementChild!)).toEqual([["経済", ["輸出管理", ["サプライチェーン", ["半導体"]]]], "安全保障"]);
    const boxes = [...doc.querySelectorAll("input[type=checkbox]")].map((b) => b.hasAttribute("checked"));
    expect(boxes).toEqual([false, false, true, false, false]);
  });
});
