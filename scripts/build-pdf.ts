/**
 * node scripts/build-pdf.ts [-- --out DIR --no-cache]    place: after astro build (and the PNGs)
 * node scripts/build-pdf.ts --warm [-- --root DIR]        warm: beside check, data and astro build
 *
 * Every figure listed in <out>/figures/index.json with a PDF link gets <out>/figures/<id>.pdf, a
 * one-page vector PDF of <out>/figures/<id>.svg at the SVG's own size (scripts/lib/svg-to-pdf.ts;
 * a study's own plots are not listed and get none: their files are made on the study page).
 * It works from each figure's SVG file whatever kind of plot drew it. PDFs are cached by content
 * (the SVG text and the writer's fingerprint) in .cache/figures-pdf/, and are byte-identical for
 * the same SVG, so a rebuild changes no PDF whose figure did not change. The warm mode fills the
 * cache from content/ before Astro has written a file, drawing each figure's standalone SVG with
 * the same code the site uses (src/lib/figures/standalone.ts), as the PNG warm-up does.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setPriority } from 'node:os';
import { parseArgs } from 'node:util';
import { figureStandalone } from '../src/lib/figures/site-figure.ts';
import { contentFigures } from './lib/content-figures.ts';
import { placeFromSvgs, warmFromSvgs, type SvgRenderer } from './lib/figure-cache.ts';
import { FONT_NAME, PDF_FINGERPRINT, svgToPdf } from './lib/svg-to-pdf.ts';

/** What a run did. */
export interface PdfReport {
  rendered: number;
  cached: number;
  /** Cache entries of figures no longer on the site, deleted (place step only). */
  pruned?: number;
  /** Figures listed without a PDF link (none today: every figure gets one). */
  withoutPdf: number;
}

/**
 * Two at once: PDF writing is JavaScript on the main thread, so more at once gains nothing but
 * overlapping the file reads and writes.
 */
const PARALLEL = 2;

async function render(svg: string, label: string): Promise<Uint8Array> {
  try {
    return await svgToPdf(svg);
  } catch (e) {
    throw new Error(`${label}: could not write a PDF: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Vector PDFs, cached under the PDF writer's fingerprint. */
const PDF: SvgRenderer = { ext: 'pdf', key: PDF_FINGERPRINT, render };

/** Write the PDFs of the built site in `outDir` from its SVG files; `cacheDir` null renders every figure afresh. */
export async function buildPdfs(outDir: string, cacheDir: string | null, parallel = PARALLEL): Promise<PdfReport> {
  const indexFile = join(outDir, 'figures', 'index.json');
  const text = await readFile(indexFile, 'utf8').catch(() => null);
  if (text === null) throw new Error(`${indexFile} is missing: run astro build first`);
  const { figures } = JSON.parse(text) as { figures: { id: string; files: { pdf?: string | null } }[] };
  const todo = figures.filter((f) => typeof f.files.pdf === 'string');
  return { withoutPdf: figures.length - todo.length, ...(await placeFromSvgs(outDir, todo.map((f) => f.id), cacheDir, PDF, parallel)) };
}

/** Fill the cache with the PDFs of the figures the site will have, drawn from content/ (no build output needed); null when some study page is invalid. */
export async function warmPdfCache(root: string, cacheDir: string, base = '/', parallel = PARALLEL): Promise<PdfReport | null> {
  const figures = await contentFigures(root, base);
  if (!figures) return null;
  const run = await warmFromSvgs(figures.map((f) => ({ label: `figure ${f.id}`, svg: () => figureStandalone(f).svg })), cacheDir, PDF, parallel);
  return { ...run, withoutPdf: 0 };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, root: { type: 'string', default: process.cwd() }, warm: { type: 'boolean', default: false }, 'no-cache': { type: 'boolean', default: false } } });
  const root = values.root!;
  const defaultCache = join(root, '.cache', 'figures-pdf');
  const cacheDir = values['no-cache'] || process.env.PDF_CACHE === '0' ? null : defaultCache;
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  if (values.warm) {
    // Below the build's steps in priority, as the PNG warm-up: astro build keeps its core.
    try {
      setPriority(10);
    } catch {
      // not permitted: the warm-up runs at normal priority
    }
  }
  const done = values.warm
    ? warmPdfCache(root, cacheDir ?? defaultCache, process.env.BASE_PATH ?? '/').then((r) =>
        console.log(r ? `pdf (warm-up): ${r.rendered} figures written into the cache, ${r.cached} already there, in ${ms()} ms` : 'pdf (warm-up): skipped, some study page is invalid (npm run check lists why)'),
      )
    : buildPdfs(values.out ?? process.env.SITE_OUT_DIR ?? join(root, 'dist'), cacheDir).then((r) =>
        console.log(`pdf: ${r.rendered} figures written, ${r.cached} from the cache${r.withoutPdf ? `, ${r.withoutPdf} without a PDF` : ''}${r.pruned ? `, ${r.pruned} unused cache entries deleted` : ''} (text in ${FONT_NAME}) in ${ms()} ms`),
      );
  done.catch((error: unknown) => {
    console.error(`pdf: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
