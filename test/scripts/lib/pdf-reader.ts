/**
 * Just enough of a PDF reader for the figure PDFs' tests: objects and their (inflated) streams,
 * page sizes, Info strings and the text a reader would select, decoded through each font's
 * ToUnicode map (the map PDF viewers use to copy and search text). Throws on what it cannot read.
 */
import { inflateSync } from 'node:zlib';

/** One indirect object: its dictionary text and its stream's bytes (inflated), if any. */
export interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

/** The end of the dictionary that opens at `from` ("<<"), by counting nested "<<" and ">>". */
function dictEnd(s: string, from: number): number {
  let depth = 0;
  for (let i = from; i < s.length - 1; i++) {
    if (s[i] === '<' && s[i + 1] === '<') (depth++, i++);
    else if (s[i] === '>' && s[i + 1] === '>') {
      depth--;
      i++;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error(`unterminated dictionary at byte ${from}`);
}

/** Every indirect object of the PDF by number, streams inflated where they say /FlateDecode. */
export function pdfObjects(pdf: Uint8Array): Map<number, PdfObject> {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const s = bytes.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const head = /(\d+) 0 obj\s*/g;
  for (let m = head.exec(s); m; m = head.exec(s)) {
    const start = head.lastIndex;
    const end = s.startsWith('<<', start) ? dictEnd(s, start) : s.indexOf('endobj', start);
    const dict = s.slice(start, end);
    let stream: Buffer | null = null;
    const after = /^\s*stream\r?\n/.exec(s.slice(end, end + 20));
    if (after) {
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? NaN);
      if (!Number.isInteger(length)) throw new Error(`object ${m[1]}: stream without a direct /Length`);
      const from = end + after[0].length;
      const raw = bytes.subarray(from, from + length);
      stream = /\/Filter \/FlateDecode/.test(dict) ? inflateSync(raw) : Buffer.from(raw);
      head.lastIndex = from + length;
    } else head.lastIndex = end;
    objects.set(Number(m[1]), { dict, stream });
  }
  return objects;
}

/** The object a dictionary's `key` refers to ("/Key 12 0 R"). */
function ref(objects: Map<number, PdfObject>, dict: string, key: string): PdfObject | null {
  const n = new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1];
  return n === undefined ? null : (objects.get(Number(n)) ?? null);
}

/** The /MediaBox of every page, in points: [x0, y0, x1, y1]. */
export function mediaBoxes(pdf: Uint8Array): number[][] {
  return [...pdfObjects(pdf).values()].filter((o) => /\/Type \/Page\b(?!s)/.test(o.dict)).map((o) => /\/MediaBox \[([^\]]*)\]/.exec(o.dict)![1]!.trim().split(/\s+/).map(Number));
}

/** A PDF literal string's bytes ("(…)" with its backslash escapes) as text: UTF-16BE after a BOM, else Latin-1. */
function literal(body: string): string {
  const raw = body.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, c: string) => (/^[0-7]/.test(c) ? String.fromCharCode(parseInt(c, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[c] ?? c));
  const b = Buffer.from(raw, 'latin1');
  return b[0] === 0xfe && b[1] === 0xff ? Buffer.from(b.subarray(2)).swap16().toString('utf16le') : raw;
}

/** The Info dictionary's string and date entries (Title, Subject, CreationDate…) as text. */
export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const s = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const info = /\/Info (\d+) 0 R/.exec(s.slice(s.lastIndexOf('trailer')))?.[1];
  if (!info) throw new Error('the trailer has no /Info');
  const objects = pdfObjects(pdf);
  const out: Record<string, string> = {};
  for (const [, key, n] of objects.get(Number(info))!.dict.matchAll(/\/(\w+) (\d+) 0 R/g)) {
    const body = objects.get(Number(n))!.dict.trim();
    out[key!] = body.startsWith('(') ? literal(body.slice(1, body.lastIndexOf(')'))) : body;
  }
  return out;
}

/** Code → text from a ToUnicode CMap (bfchar and bfrange, ranges with a start value or an array). */
function toUnicode(cmap: string): { width: number; map: Map<number, string> } {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  let width = 1;
  for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) map.set(parseInt(src!, 16), utf16(dst!)), (width = src!.length / 2);
  }
  for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of block!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/gi)) {
      width = lo!.length / 2;
      const from = parseInt(lo!, 16);
      if (dst!.startsWith('[')) [...dst!.matchAll(/<([0-9a-f]+)>/gi)].forEach(([, h], i) => map.set(from + i, utf16(h!)));
      else for (let c = from, d = parseInt(dst!.slice(1, -1), 16); c <= parseInt(hi!, 16); c++, d++) map.set(c, String.fromCharCode(d));
    }
  }
  return { width, map };
}

/**
 * The text of every page as a reader would select it: one line per text baseline in drawing
 * order, glyphs decoded through their font's ToUnicode map (a standard font's bytes as Latin-1).
 */
export function pdfText(pdf: Uint8Array): string {
  const objects = pdfObjects(pdf);
  const lines: string[] = [];
  for (const page of [...objects.values()].filter((o) => /\/Type \/Page\b(?!s)/.test(o.dict))) {
    const resources = ref(objects, page.dict, 'Resources')!.dict;
    const fontDict = /\/Font <<([^>]*)>>/.exec(resources)?.[1] ?? '';
    const fonts = new Map<string, { width: number; map: Map<number, string> } | null>();
    for (const [, name, n] of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const cmap = ref(objects, objects.get(Number(n))!.dict, 'ToUnicode');
      fonts.set(name!, cmap ? toUnicode(cmap.stream!.toString('latin1')) : null);
    }
    const content = ref(objects, page.dict, 'Contents')!.stream!.toString('latin1');
    let font: { width: number; map: Map<number, string> } | null = null;
    let y: string | null = null;
    let line = '';
    const decode = (hex: string) => {
      if (!font) return Buffer.from(hex, 'hex').toString('latin1');
      let out = '';
      for (let i = 0; i < hex.length; i += font.width * 2) out += font.map.get(parseInt(hex.slice(i, i + font.width * 2), 16)) ?? '\uFFFD';
      return out;
    };
    for (const [, fontName, tmY, hex] of content.matchAll(/\/(\w+) [\d.]+ Tf|(?:[-\d.]+ ){5}([-\d.]+) Tm|<([0-9a-f]*)> Tj/gi)) {
      if (fontName !== undefined) font = fonts.get(fontName) ?? null;
      else if (tmY !== undefined) {
        if (y !== null && tmY !== y && line) (lines.push(line), (line = ''));
        y = tmY;
      } else line += decode(hex!);
    }
    if (line) lines.push(line);
  }
  return lines.join('\n');
}
