/** Types for svg-to-pdfkit (it ships none): the options scripts/lib/svg-to-pdf.ts passes. */
declare module 'svg-to-pdfkit' {
  /** What svgToPdf hands to SVGtoPDF: the viewport in points and the font and warning callbacks. */
  export interface SVGtoPDFOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    assumePt?: boolean;
    precision?: number;
    fontCallback?: (family: string, bold: boolean, italic: boolean, fontOptions: { fauxBold: boolean; fauxItalic: boolean }) => string;
    warningCallback?: (warning: string) => void;
  }
  /** Draws `svg` (XML text) into `doc` with its top-left corner at x, y. */
  export default function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x?: number, y?: number, options?: SVGtoPDFOptions): void;
}

/** Types for the part of fontkit (pdfkit's font parser, which ships no types) that scripts/lib/svg-to-pdf.ts uses. */
declare module 'fontkit' {
  /** A parsed font; PDFKit accepts it wherever it takes a font file. */
  export interface Font {
    postscriptName: string;
    layout(text: string): unknown;
  }
  /** Parses a TrueType/OpenType font file. */
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
