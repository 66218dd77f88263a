/**
 * XML text → a small element tree, with caps on elements and depth checked while parsing (a
 * hostile project cannot build a tree bigger than the caps allow). htmlparser2 in XML mode is
 * a streaming tokenizer with no entity expansion beyond the predefined and numeric ones, so a
 * "billion laughs" document has nothing to expand. Namespace prefixes are dropped: the schema
 * validation before this step has already checked the namespace.
 */
import { Parser } from "htmlparser2";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export interface ParseLimits {
  maxElements: number;
  maxDepth: number;
}

export const PARSE_LIMITS: ParseLimits = { maxElements: 2_000_000, maxDepth: 256 };

export class XmlLimitError extends Error {
  constructor(readonly limit: "elements" | "depth", readonly value: number) {
    super(`xml_${limit}_limit`);
  }
}

const local = (name: string) => name.slice(name.indexOf(":") + 1);

/** Parses `xml`; returns the root element or null when there is none. Throws XmlLimitError. */
export function parseXml(xml: string, limits: ParseLimits = PARSE_LIMITS): XmlElement | null {
  const root: XmlElement = { name: "#document", attrs: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  let count = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (++count > limits.maxElements) throw new XmlLimitError("elements", limits.maxElements);
        if (stack.length > limits.maxDepth) throw new XmlLimitError("depth", limits.maxDepth);
        const clean: Record<string, string> = {};
        for (const [k, v] of Object.entries(attrs)) clean[local(k)] = v;
        const el: XmlElement = { name: local(name), attrs: clean, children: [], text: "" };
        stack[stack.length - 1]!.children.push(el);
        stack.push(el);
      },
      ontext(text) {
        stack[stack.length - 1]!.text += text;
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return root.children[0] ?? null;
}

/** Children of `el` named `name`. */
export const childrenNamed = (el: XmlElement | undefined, name: string): XmlElement[] => (el ? el.children.filter((c) => c.name === name) : []);
export const childNamed = (el: XmlElement | undefined, name: string): XmlElement | undefined => el?.children.find((c) => c.name === name);
