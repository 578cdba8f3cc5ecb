/**
 * A standalone SVG as a one-page vector PDF, with PDFKit and svg-to-pdfkit (no browser, no
 * network). The page is the SVG's own size (1 CSS px = 0.75 pt), shapes stay paths and text stays
 * text (selectable and searchable: PDFKit writes a ToUnicode map for embedded fonts).
 *
 * Fonts: the figures ask for a system-ui stack ending in sans-serif. It is drawn in Liberation
 * Sans (Debian's fonts-liberation, installed with chromium; the PNG step uses the same files),
 * embedded as a subset: metric-compatible with Arial/Helvetica, which the layout's text widths
 * assume, and it has the τ, − (U+2212), Greek, Cyrillic and accented Latin that the plots and
 * study titles contain. Where those files are missing the text falls back to PDFKit's standard
 * Helvetica (not embedded, WinAnsi only: τ and − then print wrong); FONT_NAME says which, and
 * PDF_FINGERPRINT carries it into the cache key. Scripts with no Liberation glyph (CJK, Arabic…)
 * print as empty boxes, as in the PNG; their text is still in the PDF.
 *
 * Byte-identical output for the same SVG: the creation and modification dates are a fixed value,
 * the Unix epoch (PDF_DATE; PDFKit requires a creation date, and the build's clock would make
 * every build differ while saying nothing about the data, whose version the figure's page and
 * embed caption give); the file ID is PDFKit's MD5 of the Info entries, which include the SHA-256
 * of the SVG text (SourceSHA256), so it changes with the content and only with it; PDFKit's
 * font-subset tag is derived from the font's order in the document.
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { create as createFont, type Font as FontkitFont } from 'fontkit';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { svgElementText, svgSize } from '../../src/lib/figures/svg-facts.ts';

/** The creation and modification date every figure PDF carries: a fixed value (the Unix epoch), so rebuilds are byte-identical. */
export const PDF_DATE = new Date(0);

/** PDF points per CSS pixel (72 pt and 96 px to the inch). */
export const PT_PER_PX = 72 / 96;

/**
 * The largest page side in PDF units: 14,400 (200 in), the implementation limit of ISO
 * 32000-1's Annex C, which Acrobat enforces. A figure larger than that (a forest plot of more than about 790 rows) is
 * drawn scaled down to fit and the page says /UserUnit (the size of its unit in points), so
 * readers that know UserUnit (PDF 1.6+: Acrobat, pdf.js, poppler) show it at its true size and
 * others show it smaller, still whole and vector.
 */
export const MAX_PAGE_UNITS = 14_400;

const LIBERATION = '/usr/share/fonts/truetype/liberation/LiberationSans';
const FACES = { regular: 'Regular', bold: 'Bold', italic: 'Italic', boldItalic: 'BoldItalic' } as const;
type Face = keyof typeof FACES;

/** The font files (a Buffer per face), or null when Liberation Sans is not installed. */
const FONT_FILES: Record<Face, Buffer> | null = Object.values(FACES).every((f) => existsSync(`${LIBERATION}-${f}.ttf`))
  ? (Object.fromEntries(Object.entries(FACES).map(([face, f]) => [face, readFileSync(`${LIBERATION}-${f}.ttf`)])) as Record<Face, Buffer>)
  : null;

/**
 * The faces parsed once a process and handed to every document: PDFKit parses a font file again
 * for each document it is registered with (and loads Helvetica's metrics as its default font),
 * which took most of the time of a small figure (measured: about 3× slower than parsing once).
 */
const FONTS: Record<Face, FontkitFont> | null = FONT_FILES ? (Object.fromEntries(Object.entries(FONT_FILES).map(([face, bytes]) => [face, createFont(bytes)])) as Record<Face, FontkitFont>) : null;

/** The family the PDFs' text is set in: 'Liberation Sans' (embedded) or 'Helvetica' (PDFKit's standard font, not embedded). */
export const FONT_NAME = FONT_FILES ? 'Liberation Sans' : 'Helvetica';

const STANDARD: Record<Face, string> = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique', boldItalic: 'Helvetica-BoldOblique' };

/** A package's version from its package.json, found above its entry point (pdfkit's exports do not list package.json). */
function version(pkg: string): string {
  for (let dir = dirname(createRequire(import.meta.url).resolve(pkg)); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    const json = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string }) : null;
    if (json?.name === pkg && json.version) return json.version;
  }
  throw new Error(`no package.json of ${pkg} found`);
}
const PRODUCER = `PDFKit ${version('pdfkit')} with svg-to-pdfkit ${version('svg-to-pdfkit')}`;

/** What, besides the SVG text, decides the PDF's bytes (the libraries' versions and the font): part of the PDF cache key. */
export const PDF_FINGERPRINT = JSON.stringify({ writer: 'svg-to-pdf-v1', producer: PRODUCER, font: FONT_FILES ? Object.fromEntries(Object.entries(FONT_FILES).map(([face, b]) => [face, createHash('sha256').update(b).digest('hex').slice(0, 16)])) : 'Helvetica' });

/** How to write the PDF: `compress` false leaves its streams readable as text (for tests). */
export interface PdfOptions {
  compress?: boolean;
}

function face(bold: boolean, italic: boolean): Face {
  return bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
}

/** Render a standalone SVG (root element with width and height in CSS px) as a one-page PDF of that size; throws on an SVG svg-to-pdfkit cannot read. */
export async function svgToPdf(svg: string, options: PdfOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const { width, height } = svgSize(svg);
  const unit = Math.max(1, (Math.max(width, height) * PT_PER_PX) / MAX_PAGE_UNITS);
  const page = { width: (width * PT_PER_PX) / unit, height: (height * PT_PER_PX) / unit };
  const sha = createHash('sha256').update(svg).digest('hex');
  const title = svgElementText(svg, 'title');
  const desc = svgElementText(svg, 'desc');
  const doc = new PDFDocument({
    autoFirstPage: false,
    // The default font (else Helvetica, whose metrics PDFKit reads from disk for every document); PDFKit takes a parsed fontkit font where its types say a name.
    ...(FONTS ? { font: FONTS.regular as unknown as string } : {}),
    compress: options.compress ?? true,
    // PDF 1.3, PDFKit's default, on purpose: for later versions PDFKit adds an XMP stream with the title unescaped, which a label holding "<" or "&" breaks.
    pdfVersion: '1.3',
    lang: 'en',
    displayTitle: title !== null,
    // The file ID is PDFKit's MD5 of these entries: the SVG's hash makes it the content's.
    info: { ...(title !== null ? { Title: title } : {}), ...(desc !== null ? { Subject: desc } : {}), Creator: 'living-evidence-review (scripts/lib/svg-to-pdf.ts)', Producer: PRODUCER, SourceSHA256: sha, CreationDate: PDF_DATE, ModDate: PDF_DATE } as PDFKit.DocumentInfo,
  });
  if (FONTS) for (const [f, font] of Object.entries(FONTS)) doc.registerFont(`figure-${f}`, font as unknown as PDFKit.Mixins.PDFFontSource);
  // userUnit is a page option of PDFKit its types do not list.
  doc.addPage({ size: [page.width, page.height], margin: 0, ...(unit > 1 ? { userUnit: unit } : {}) } as PDFKit.PDFDocumentOptions);

  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const warnings: string[] = [];
  // Drawn at its own size in points, scaled to the page when the page had to be smaller (unit > 1).
  doc.save().scale(1 / unit);
  let crash: unknown = null;
  try {
    SVGtoPDF(doc, svg, 0, 0, {
      width: width * PT_PER_PX,
      height: height * PT_PER_PX,
      // Every family (the figures' system-ui stack) in one sans-serif; real bold and italic faces, none faked.
      fontCallback: (_family: string, bold: boolean, italic: boolean) => (FONT_FILES ? `figure-${face(bold, italic)}` : STANDARD[face(bold, italic)]),
      warningCallback: (w: string) => warnings.push(w),
    });
  } catch (e) {
    crash = e;
  }
  // svg-to-pdfkit reports unreadable input as warnings and draws what it could (or crashes on it): a figure file must be read whole.
  const fatal = warnings.filter((w) => /^parseXml|does not look like a valid SVG|can't be rendered/.test(w));
  if (crash !== null) fatal.push(crash instanceof Error ? crash.message : String(crash));
  if (fatal.length > 0) throw new Error(`the SVG could not be read: ${fatal.join('; ')}`);
  doc.restore();
  doc.end();
  await ended;
  const pdf = Buffer.concat(chunks);
  return new Uint8Array(pdf.buffer.slice(pdf.byteOffset, pdf.byteOffset + pdf.byteLength)) as Uint8Array<ArrayBuffer>;
}
