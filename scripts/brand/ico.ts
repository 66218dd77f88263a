/**
 * An ICO file whose images are PNGs (allowed since Windows Vista and read by every browser):
 * a 6-byte header, one 16-byte directory entry per image, then the PNG bytes as they are.
 */
export function pngsToIco(images: { size: number; png: Uint8Array }[]): Uint8Array {
  const header = 6 + 16 * images.length;
  const total = header + images.reduce((n, i) => n + i.png.byteLength, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0, true); // reserved
  view.setUint16(2, 1, true); // type: icon
  view.setUint16(4, images.length, true);
  let offset = header;
  images.forEach((img, i) => {
    const entry = 6 + 16 * i;
    // Width and height are one byte each; 0 means 256.
    view.setUint8(entry, img.size >= 256 ? 0 : img.size);
    view.setUint8(entry + 1, img.size >= 256 ? 0 : img.size);
    view.setUint8(entry + 2, 0); // no palette
    view.setUint8(entry + 3, 0);
    view.setUint16(entry + 4, 1, true); // colour planes
    view.setUint16(entry + 6, 32, true); // bits per pixel
    view.setUint32(entry + 8, img.png.byteLength, true);
    view.setUint32(entry + 12, offset, true);
    out.set(img.png, offset);
    offset += img.png.byteLength;
  });
  return out;
}
