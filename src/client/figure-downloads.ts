/**
 * The files of a study's own plot, made in the browser (loaded on the first click of a "Take this
 * figure" button, figure-take.ts): the study page's data island (`#study-page-data`,
 * StudyPageData) gives the estimates, and the same pure functions that wrote /figures/<id>.* at
 * build time make the standalone SVG (standalone.ts), the CSV (csv.ts) and the R script
 * (r-script.ts). The PNG is that SVG drawn on a canvas at 300 dpi (CSS width × 300/96 pixels),
 * with a pHYs chunk saying 300 dpi (png.ts). The SVG goes to the canvas as a data: URL, which
 * the CSP's img-src already allows; the file is saved through a blob: URL (save-blob.ts).
 */
import { studyFigures, studyScriptContext, type StudyPageData } from '../lib/figures/study-figures.ts';
import { standaloneSvg } from '../lib/figures/standalone.ts';
import { figureCsv } from '../lib/figures/csv.ts';
import { forestFigureRScript } from '../lib/figures/r-script.ts';
import { printSize, withPngDpi } from '../lib/figures/png.ts';
import type { Figure } from '../lib/figures/registry.ts';
import { saveBlob } from './save-blob.ts';

/** The formats a study plot's "Take this figure" offers. */
export type TakeFormat = 'svg' | 'png' | 'csv' | 'r';

const DPI = 300;
let page: { data: StudyPageData; figures: Map<string, Figure> } | null = null;

function studyPage(): NonNullable<typeof page> {
  if (page) return page;
  const island = document.getElementById('study-page-data');
  if (!island?.textContent) throw new Error('this page has no figure data (#study-page-data)');
  const data = JSON.parse(island.textContent) as StudyPageData;
  page = { data, figures: new Map(studyFigures(data).map((f) => [f.id, f])) };
  return page;
}

async function pngOf(svg: string, width: number, height: number): Promise<Blob> {
  const size = printSize(width, height, DPI);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = size.widthPx;
  canvas.height = size.heightPx;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, size.widthPx, size.heightPx);
  ctx.drawImage(img, 0, 0, size.widthPx, size.heightPx);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the canvas gave no PNG');
  return new Blob([withPngDpi(new Uint8Array(await blob.arrayBuffer()), DPI)], { type: 'image/png' });
}

/** The file of one study figure in one format, as a Blob with its file name (`<figure id>.<ext>`, as /figures/ named it). */
export async function studyFigureFile(id: string, format: TakeFormat): Promise<{ blob: Blob; name: string }> {
  const { data, figures } = studyPage();
  const f = figures.get(id);
  if (!f) throw new Error(`no figure ${id} in this page's data`);
  if (format === 'csv') return { blob: new Blob([figureCsv(f.data)], { type: 'text/csv;charset=utf-8' }), name: `${id}.csv` };
  if (format === 'r') return { blob: new Blob([forestFigureRScript(f, studyScriptContext(f, data))], { type: 'text/plain;charset=utf-8' }), name: `${id}.R` };
  const { svg, layout } = standaloneSvg(f);
  if (format === 'svg') return { blob: new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), name: `${id}.svg` };
  return { blob: await pngOf(svg, layout.width, layout.height), name: `${id}.png` };
}

/** Makes and saves one study figure's file. */
export async function downloadStudyFigure(id: string, format: TakeFormat): Promise<void> {
  const { blob, name } = await studyFigureFile(id, format);
  saveBlob(blob, name);
}
