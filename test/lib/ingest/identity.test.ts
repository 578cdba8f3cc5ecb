import { describe, expect, it } from 'vitest';
import { familyName, MAX_SLUG, recordKey, shortHash, slugFor, type KeyInput } from '../../../src/lib/ingest/identity.ts';
import { Slug } from '../../../src/lib/schema/index.ts';

describe('slugFor', () => {
  it('keeps the year and six content words of a Latin title', () => {
    expect(slugFor('2024', 'Deep learning applied to echocardiography could predict the CMR result')).toBe('2024-deep-learning-applied-echocardiography-could-predict');
  });

  it('transliterates Cyrillic and Greek titles instead of dropping their words', () => {
    expect(slugFor('2009', 'Состояние костной ткани у детей по данным рентгенографии')).toBe('2009-sostoyanie-kostnoy-tkani-u-detey-po');
    expect(slugFor('2020', 'Αξιολόγηση της ακτινογραφίας θώρακα')).toBe('2020-axiologisi-tis-aktinografias-thoraka');
    expect(slugFor('2021', 'Évaluation échographique de la hanche')).toBe('2021-evaluation-echographique-de-la-hanche');
  });

  it('falls back to a stable slug from the id for a title in another script', () => {
    const slug = slugFor('2022', '深層学習による骨折検出', 'hash:5cdc98b3574b8e53');
    expect(slug).toBe(`2022-record-${shortHash('hash:5cdc98b3574b8e53')}`);
    expect(slugFor('2022', '深層学習による骨折検出', 'hash:5cdc98b3574b8e53')).toBe(slug);
    expect(slugFor('2022', '深層学習による骨折検出', 'hash:0000000000000001')).not.toBe(slug);
    expect(slugFor('2022', '深層学習 CNN による骨折検出', 'pmid:1')).toBe(`2022-cnn-${shortHash('pmid:1')}`);
  });

  it('caps a slug at MAX_SLUG characters at a word boundary, ending in the hash of the id', () => {
    const title = 'Electroencephalographic multicentre internationalisation pragmatic hyperparameterisation convolutional segmentation';
    expect(['2025', ...title.toLowerCase().split(' ').slice(0, 6)].join('-').length).toBeGreaterThan(MAX_SLUG);
    const slug = slugFor('2025', title, 'doi:10.5555/x');
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG);
    expect(slug).toBe(`2025-electroencephalographic-multicentre-internationalisation-pragmatic-${shortHash('doi:10.5555/x')}`);
  });

  it('cuts a 300-character word and a 1 MB title to a valid slug of at most MAX_SLUG characters', () => {
    for (const title of ['x'.repeat(300), `${'a'.repeat(1024 * 1024)}`, `Short ${'b'.repeat(400)} words`]) {
      const slug = slugFor('2025', title, 'hash:1');
      expect(slug.length).toBeLessThanOrEqual(MAX_SLUG);
      expect(Slug.safeParse(slug).success, slug).toBe(true);
      expect(slug.endsWith(shortHash('hash:1'))).toBe(true);
    }
  });

  it('gives a record without any title word `<year>-record-<hash>`', () => {
    expect(slugFor(null, '', 'hash:abc')).toBe(`undated-record-${shortHash('hash:abc')}`);
  });
});

describe('recordKey', () => {
  const base: KeyInput = { abstractText: '', title: null, journal: null, year: null, firstAuthor: null, file: 'content/sources/a.ris', record: 1 };

  it('uses a DOI, PMID or PMCID first, then the abstract', async () => {
    expect(await recordKey({ ...base, doi: '10.5555/AB', abstractText: 'x' })).toEqual({ key: 'doi:10.5555/ab', basis: 'identifier' });
    expect((await recordKey({ ...base, abstractText: 'Some abstract.' })).basis).toBe('abstract');
  });

  it('gives records without DOI, PMID, title or abstract different keys by their position', async () => {
    const one = await recordKey(base);
    const two = await recordKey({ ...base, record: 2 });
    const other = await recordKey({ ...base, file: 'content/sources/b.ris' });
    expect(one.basis).toBe('position');
    expect(new Set([one.key, two.key, other.key]).size).toBe(3);
    expect(await recordKey(base)).toEqual(one);
  });

  it('keys a title-only record by title, journal, year and first family name, all four needed', async () => {
    const erratum = { ...base, title: 'Erratum', journal: 'Acta Radiologica', year: '2021', firstAuthor: 'Lindqvist, Eva' };
    const same = await recordKey({ ...erratum, firstAuthor: 'Lindqvist E', record: 9, file: 'other.nbib' });
    expect(same).toEqual(await recordKey(erratum));
    expect(same.basis).toBe('title');
    expect((await recordKey({ ...erratum, journal: 'European Journal of Radiology' })).key).not.toBe(same.key);
    expect((await recordKey({ ...erratum, year: '2022' })).key).not.toBe(same.key);
    expect((await recordKey({ ...erratum, firstAuthor: 'Okafor, Chidi' })).key).not.toBe(same.key);
    expect((await recordKey({ ...erratum, firstAuthor: null })).basis).toBe('position');
  });
});

describe('familyName', () => {
  it('reads "Family, Given", MEDLINE "Family GI" and a bare name alike', () => {
    expect(familyName('Lindqvist, Eva')).toBe('lindqvist');
    expect(familyName('Lindqvist E')).toBe('lindqvist');
    expect(familyName('van der Berg JH')).toBe('van der berg');
    expect(familyName('Lindqvist')).toBe('lindqvist');
  });
});
