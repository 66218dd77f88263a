/**
 * `npm run icons`: rasterises the app's mark (docs/brand/icon.svg) into public/: favicon.ico
 * (16, 32, 48 px), the PNGs the web manifest and iOS ask for, and the Open Graph card
 * (scripts/brand/og.html, 1200×630). Uses Debian's chromium through the e2e launcher, so nothing
 * beyond the project's own dependencies is needed; the outputs are committed.
 */
import { copyFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { launchBrowser } from "../e2e/support/launch";
import { pngsToIco } from "./brand/ico";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pub = (name: string) => path.join(root, "public", name);

async function main(): Promise<void> {
  const svgPath = path.join(root, "docs", "brand", "icon.svg");
  const svg = await readFile(svgPath, "utf8");
  await copyFile(svgPath, pub("icon.svg"));
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const render = async (size: number, padding = 0): Promise<Uint8Array> => {
      // Chromium keeps a minimum window size: render at the top-left corner and clip.
      await page.setViewportSize({ width: Math.max(size, 200), height: Math.max(size, 200) });
      // Transparent corners: the mark's rounded square shows on any tab or home-screen colour.
      const inset = Math.round(size * padding);
      await page.setContent(`<html><body style="margin:0;background:transparent"><div style="background:${padding ? "#2f5d8a" : "transparent"};padding:${inset}px;width:${size - 2 * inset}px;height:${size - 2 * inset}px">${svg.replace("<svg ", `<svg width="${size - 2 * inset}" height="${size - 2 * inset}" `)}</div></body></html>`);
      return page.screenshot({ omitBackground: !padding, type: "png", clip: { x: 0, y: 0, width: size, height: size } });
    };
    const ico = await Promise.all([16, 32, 48].map(async (size) => ({ size, png: await render(size) })));
    await writeFile(pub("favicon.ico"), pngsToIco(ico));
    await writeFile(pub("icon-192.png"), await render(192));
    await writeFile(pub("icon-512.png"), await render(512));
    // iOS draws its own rounded corners and fills transparency black: a full-bleed square.
    await writeFile(pub("apple-touch-icon.png"), await render(180, 0.08));

    const fontDir = path.join(root, "node_modules", "@expo-google-fonts", "noto-sans-jp");
    const html = (await readFile(path.join(root, "scripts", "brand", "og.html"), "utf8"))
      .replace("FONT400", pathToFileURL(path.join(fontDir, "400Regular", "NotoSansJP_400Regular.ttf")).href)
      .replace("FONT700", pathToFileURL(path.join(fontDir, "700Bold", "NotoSansJP_700Bold.ttf")).href)
      .replace("ICON", pathToFileURL(svgPath).href);
    const og = path.join(root, ".test-data", "og.html");
    await writeFile(og, html);
    await page.setViewportSize({ width: 1200, height: 630 });
    await page.goto(pathToFileURL(og).href);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: pub("og.png"), type: "png" });
  } finally {
    await browser.close();
  }
  process.stdout.write("public/: favicon.ico, icon.svg, icon-192.png, icon-512.png, apple-touch-icon.png, og.png\n");
}

main().catch((e: unknown) => {
  process.stderr.write(`icons failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
