import { beforeAll, describe, expect, it } from 'vitest';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { readStudies } from '../../../scripts/lib/content-fs.ts';
import { cslItem, DERIVED_TITLE_NOTE, parseName } from '../../../src/lib/cite/csl.ts';
import { formatReference, toBibtex, toCslJson, toRis } from '../../../src/lib/cite/format.ts';
import type { Study } from '../../../src/lib/schema/index.ts';
import { ROOT } from '../../helpers.ts';

let pages: { slug: string; study: Study }[];
beforeAll(async () => {
  pages = (await readStudies(ROOT)).map((p) => ({ slug: p.slug, study: p.study! }));
});

type Csl = { title?: string; author?: { family?: string; given?: string; literal?: string }[]; DOI?: string; issued?: { 'date-parts': number[][] }; note?: string; type?: string };
const families = (item: Csl) => (item.author ?? []).map((a) => a.family ?? a.literal);
// citation-js writes BibTeX in ASCII/LaTeX: "…" comes back as "...".
const plain = (t: string | undefined) => t?.replace(/…/g, '...');

describe('study citation files (citation-js)', () => {
  it('round-trip through BibTeX: title, authors, DOI and year come back', () => {
    for (const { slug, study } of pages) {
      const item = cslItem(slug, study);
      const [back] = new Cite(toBibtex(item)).data as Csl[];
      expect(plain(back!.title), slug).toBe(plain(study.title));
      expect(families(back!), slug).toEqual(item.author?.map((a) => a.family) ?? []);
      expect(back!.DOI ?? null, slug).toBe(study.doi);
      expect(back!.issued?.['date-parts'][0]?.[0] ?? null, slug).toBe(study.published ? Number(study.published.slice(0, 4)) : null);
    }
  });

  it('round-trip through RIS: title, authors, DOI and year come back, with no wrapped lines', () => {
    for (const { slug, study } of pages) {
      const item = cslItem(slug, study);
      const ris = toRis(item);
      expect(ris.split('\n').filter(Boolean).every((l) => /^[A-Z][A-Z0-9]  - /.test(l)), slug).toBe(true);
      const [back] = new Cite(ris).data as Csl[];
      expect(back!.title, slug).toBe(study.title);
      expect(families(back!), slug).toEqual(item.author?.map((a) => a.family) ?? []);
      expect(back!.DOI ?? null, slug).toBe(study.doi);
      expect(back!.issued?.['date-parts'][0]?.[0] ?? null, slug).toBe(study.published ? Number(study.published.slice(0, 4)) : null);
    }
  });

  it('writes CSL-JSON as an array of one item with type, title and author', () => {
    for (const { slug, study } of pages) {
      const csl = JSON.parse(toCslJson(cslItem(slug, study))) as Csl[];
      expect(Array.isArray(csl)).toBe(true);
      expect(csl).toHaveLength(1);
      expect(csl[0]!.type).toMatch(/^(article|article-journal)$/);
      expect(csl[0]!.title).toBe(study.title);
      if (study.authors.length > 0) expect(csl[0]!.author).toHaveLength(study.authors.length);
      else expect(csl[0]!.author).toBeUndefined();
    }
  });

  it('marks a derived working title in the note of every file', () => {
    const derived = pages.filter((p) => p.study.title_source === 'derived');
    expect(derived.length).toBeGreaterThan(0);
    for (const { slug, study } of derived) {
      const item = cslItem(slug, study);
      expect(JSON.parse(toCslJson(item))[0].note).toContain(DERIVED_TITLE_NOTE);
      expect(toRis(item)).toContain(`N1  - ${DERIVED_TITLE_NOTE}`);
      expect((new Cite(toBibtex(item)).data[0] as Csl).note).toContain('Working title derived from the abstract');
    }
    for (const { slug, study } of pages.filter((p) => p.study.title_source !== 'derived')) expect(cslItem(slug, study).note ?? '').not.toContain('Working title');
  });

  it('formats the first record in APA 7 and Vancouver from the bundled styles', () => {
    const first = pages.find((p) => p.study.key === 'doi:10.1101/2024.04.16.24305936')!;
    const item = cslItem(first.slug, first.study);
    expect(formatReference(item, 'apa')).toBe(
      'Sahashi, Y., Vukadinovic, M., Duffy, G., Li, D., Cheng, S., Berman, D. S., Ouyang, D., & Kwan, A. C. (2024). Using Deep learning to Predict Cardiovascular Magnetic Resonance Findings from Echocardiography Videos [Preprint]. medRxiv. https://doi.org/10.1101/2024.04.16.24305936',
    );
    expect(formatReference(item, 'vancouver')).toMatch(/^Sahashi Y, Vukadinovic M, Duffy G, Li D, Cheng S, Berman DS, et al\. Using Deep learning .* \[Preprint\]\. medRxiv; 2024\. doi:10\.1101\/2024\.04\.16\.24305936/);
  });
});

describe('parseName', () => {
  it('splits names as the sources write them', () => {
    expect(parseName('Daniel S. Berman')).toEqual({ family: 'Berman', given: 'Daniel S.' });
    expect(parseName('AS Razavian')).toEqual({ family: 'Razavian', given: 'A. S.' });
    expect(parseName('Berman, Daniel S.')).toEqual({ family: 'Berman', given: 'Daniel S.' });
    expect(parseName('Ludwig van Beethoven')).toEqual({ family: 'van Beethoven', given: 'Ludwig' });
    expect(parseName('Aimé Terence Kalisa')).toEqual({ family: 'Kalisa', given: 'Aimé Terence' });
    expect(parseName('Cochrane')).toEqual({ literal: 'Cochrane' });
  });
});
