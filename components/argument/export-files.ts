/**
 * Client-side export of the map: the pure renderers of lib/core/argument produce SVG, Argdown
 * and AIF from what the map shows; PNG is the same SVG drawn on a canvas at 2× scale. Chosen
 * over route handlers because free nodes and positions live only in the Y.Doc (the projection
 * holds links, not the map), and the user exports exactly the filtered map they see.
 */
export function download(name: string, type: string, content: BlobPart): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Rasterises an SVG string to PNG bytes (2× for sharp text). */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const size = /width="(\d+)" height="(\d+)"/.exec(svg);
  const width = Number(size?.[1] ?? 800);
  const height = Number(size?.[2] ?? 600);
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("svg did not load"));
      img.src = url;
    });
    const canvas = document.createElement("canvas");
    // Browsers cap canvas area; a very large map is scaled down rather than failing.
    const s = Math.min(scale, Math.sqrt(16_000_000 / Math.max(1, width * height)));
    canvas.width = Math.max(1, Math.floor(width * s));
    canvas.height = Math.max(1, Math.floor(height * s));
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no canvas");
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("png failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A file name from the workspace name and the date: `<name>-argument-map-2026-03-01.<ext>`. */
export function exportName(workspace: string, ext: string, now: Date): string {
  const safe = workspace.replace(/[\\/:*?"<>|\s]+/g, "-").slice(0, 60) || "workspace";
  return `${safe}-argument-map-${now.toISOString().slice(0, 10)}.${ext}`;
}
