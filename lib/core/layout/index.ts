/**
 * Layout analysis of typeset PDFs (pure): positioned text items → reading order,
 * furniture, footnotes and paragraph starts for the text normaliser.
 */
export type { LineHint, PdfLayout, PdfPageText, PdfTextItem } from "./types";
export { layoutPdf } from "./layout-pdf";
export { isPageNumber, furnitureKey } from "./find-furniture";
export { footnoteMarker } from "./find-footnotes";
