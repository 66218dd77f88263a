/**
 * The Japanese TrueType fonts of PDF exports (Noto Sans JP from @expo-google-fonts, installed
 * with the app). TrueType, not CID-keyed OTF: pdfkit/fontkit embed and subset it with every
 * glyph (research/tech-stack.md §8.1). Resolved from the working directory at run time, because
 * bundlers rewrite require.resolve() into module ids.
 */
import { findPackageJSON } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

export function japaneseFonts(): { regular: string; bold: string } {
  const pkg = findPackageJSON("@expo-google-fonts/noto-sans-jp", pathToFileURL(path.join(process.cwd(), "/")));
  if (!pkg) throw new Error("@expo-google-fonts/noto-sans-jp is not installed");
  const root = path.dirname(pkg);
  return { regular: path.join(root, "400Regular", "NotoSansJP_400Regular.ttf"), bold: path.join(root, "700Bold", "NotoSansJP_700Bold.ttf") };
}
