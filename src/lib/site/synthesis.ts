/**
 * Per-outcome synthesis: which estimates go into each forest plot, their yi/vi on the
 * pooling scale, and the pooled estimate (default REML + Knapp-Hartung) once two or more
 * studies report the outcome with the same measure. Used at build time and in the browser.
 */
import { poolRows, synthesizeRows } from './synthesis-rows.ts';
import type { OutcomeSynthesis, SynthesisInput, SynthesisOptions } from './synthesis-types.ts';

/** The synthesis shapes, defined in synthesis-types.ts (so synthesis-rows.ts needs no import back from here). */
export type { OutcomeSynthesis, PooledSummary, SynthesisInput, SynthesisOptions, SynthesisRow } from './synthesis-types.ts';

/** Group estimates by outcome and measure and pool each group with two or more studies (every row kept). */
export function synthesize(inputs: readonly SynthesisInput[], options: SynthesisOptions = {}): OutcomeSynthesis[] {
  return synthesizeRows(poolRows(inputs), Infinity, options).map(({ estimates: _all, ...s }) => s);
}
