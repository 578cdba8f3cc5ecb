/**
 * Citation files and formatted references with citation-js (BibTeX, RIS, CSL-JSON, and APA or
 * Vancouver through the CSL styles and en-US locale that @citation-js/plugin-csl bundles, so
 * nothing is fetched). Input is a CSL item from csl.ts.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import type { CslItem } from './csl.ts';

/** A bundled CSL style. */
export type CitationStyle = 'apa' | 'vancouver';

/** BibTeX entry (cite.bib). */
export function toBibtex(item: CslItem): string {
  return new Cite(item).format('bibtex', { format: 'text' });
}

/**
 * RIS record (cite.ris): citation-js maps the fields (format 'object'); the lines are written
 * here because its text output hard-wraps values at 70 characters, which readers (citation-js
 * included) join back with a space ("Findi ngs"). A preprint server goes into PB.
 */
export function toRis(item: CslItem): string {
  const [entry] = new Cite(item).format('ris', { format: 'object' }) as unknown as Record<string, string | string[]>[];
  if (!entry) throw new Error(`citation-js wrote no RIS record for ${item.id}`);
  if (item.publisher && !('PB' in entry)) entry.PB = item.publisher;
  const { TY, ...tags } = entry;
  const lines = [`TY  - ${String(TY)}`];
  for (const [tag, value] of Object.entries(tags)) for (const v of [value].flat()) lines.push(`${tag}  - ${String(v).replace(/\s*\n\s*/g, ' ')}`);
  return `${[...lines, 'ER  - '].join('\n')}\n`;
}

/** CSL-JSON: an array with the one item, as citation-js normalises it (cite.json). */
export function toCslJson(item: CslItem): string {
  return `${new Cite(item).format('data', { format: 'text' })}\n`;
}

/** One formatted reference as plain text in a bundled style (Vancouver without its list number). */
export function formatReference(item: CslItem, style: CitationStyle): string {
  const text = new Cite(item).format('bibliography', { template: style, lang: 'en-US', format: 'text' });
  return text.trim().replace(/^\d+\.\s+/, '');
}
