/**
 * Timing of the Explore page's bivariate re-pooling alone, the same code in Node and in Chromium:
 * synthesizeDta (poolDta, confidence and prediction regions, SROC curve) and renderDta (the summary
 * and the SROC SVG as HTML), on `n` synthetic 2×2 tables of one outcome. A browser caller adds its
 * own DOM step through `draw`.
 */
import { renderDta } from '../../../src/lib/explore/render-dta.ts';
import { synthesizeDta } from '../../../src/lib/site/dta-synthesis.ts';
import { syntheticDtaInputs } from './synthetic/two-by-two.ts';

/** Times of `runs` re-poolings of n tables (after `warmup` untimed ones), ms per run. */
export interface DtaTimes {
  tables: number;
  model: 'bivariate' | 'univariate' | null;
  /** synthesizeDta alone. */
  poolMs: number[];
  /** synthesizeDta + renderDta (the HTML string). */
  renderMs: number[];
  /** + the caller's draw step (inserting the HTML and laying it out), when there is one. */
  drawnMs: number[] | null;
  htmlChars: number;
}

/** Re-pool and render `n` synthetic tables `runs` times; `draw` (optional) puts the HTML on the page. */
export function timeDtaRepool(n: number, runs: number, seed = 1, draw?: (html: string) => void, warmup = 3): DtaTimes {
  const inputs = syntheticDtaInputs(n, seed);
  const labels = { 'synthetic-outcome': 'Synthetic outcome' };
  const out: DtaTimes = { tables: n, model: null, poolMs: [], renderMs: [], drawnMs: draw ? [] : null, htmlChars: 0 };
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    const dta = synthesizeDta(inputs);
    const t1 = performance.now();
    const html = renderDta(dta, labels);
    const t2 = performance.now();
    draw?.(html);
    const t3 = performance.now();
    if (i < warmup) continue;
    out.poolMs.push(t1 - t0);
    out.renderMs.push(t2 - t0);
    out.drawnMs?.push(t3 - t0);
    out.model = dta[0]?.summary?.model ?? null;
    out.htmlChars = html.length;
  }
  return out;
}
