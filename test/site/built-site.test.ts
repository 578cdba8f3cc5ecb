import { describe, expect, inject, it } from 'vitest';
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as cheerio from 'cheerio';
import { ROOT } from '../helpers.ts';

const DIST = inject('distDir');
const load = (path: string) => cheerio.load(readFileSync(join(DIST, path, 'index.html'), 'utf8'));

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? htmlFiles(p) : n.endsWith('.html') ? [p] : [];
  });
}

const studySlugs = readdirSync(join(ROOT, 'content', 'studies')).filter((n) => n.endsWith('.mdx')).map((n) => n.replace(/\.mdx$/, ''));
const FIRST = studySlugs.find((s) => readFileSync(join(ROOT, 'content', 'studies', `${s}.mdx`), 'utf8').includes('key: doi:10.1101/2024.04.16.24305936'))!;

describe('the built site', () => {
  it('has a page for every study', () => {
    expect(studySlugs.length).toBeGreaterThanOrEqual(6);
    for (const slug of studySlugs) expect(existsSync(join(DIST, 'studies', slug, 'index.html')), slug).toBe(true);
    const $ = load('studies');
    expect($('#studies-table tbody tr')).toHaveLength(studySlugs.length);
  });

  it("shows the first record's five AUCs, each linked to its highlighted quote", () => {
    const $ = load(`studies/${FIRST}`);
    const rows = $('table.estimates-table tbody tr');
    expect(rows.map((_, r) => $(r).find('td.num').text().trim()).get()).toEqual([
      '0.873 [0.816, 0.922]',
      '0.699 [0.613, 0.780]',
      '0.614 [0.500, 0.715]',
      '0.553 [0.420, 0.692]',
      '0.564 [0.455, 0.691]',
    ]);
    const quotes = ['WMA (AUC 0.873 [95%CI 0.816-0.922])', 'LGE (AUC 0.699 [0.613-0.780])', 'native T1 (AUC 0.614 [0.500-0.715])', 'T2 0.553 [0.420-0.692]', 'ECV 0.564 [0.455-0.691]'];
    quotes.forEach((quote, i) => {
      expect(rows.eq(i).find('td.num a').attr('href')).toBe(`#q-${i + 1}`);
      expect($(`mark#q-${i + 1}`).text()).toBe(quote);
    });
  });

  it("draws the first record's forest plot with five rows, their CIs and the 0.5 chance line", () => {
    const $ = load(`studies/${FIRST}`);
    const svg = $('figure.forest svg').first();
    expect(svg.attr('role')).toBe('group'); // its row labels link to the quotes, so not role=img
    const alts = svg.find('g title').map((_, t) => $(t).text()).get().filter((t) => t.includes('AUC'));
    expect(alts).toEqual(expect.arrayContaining([expect.stringContaining('0.87 (0.82 to 0.92)'), expect.stringContaining('0.55 (0.42 to 0.69)')]));
    expect(svg.find('line.forest-null')).toHaveLength(1);
    expect($('figure.forest table tbody tr').length).toBeGreaterThanOrEqual(5);
  });

  it('computes PRISMA counts that add up', () => {
    const $ = load('');
    const n = (key: string) => Number($(`[data-count=${key}]`).first().text().match(/\d+/)?.[0] ?? NaN);
    const identified = Number($('[data-count=identified] strong').text().match(/\d+/)?.[0]);
    const screened = Number($('[data-count=screened] strong').text().match(/\d+/)?.[0]);
    const included = Number($('[data-count=included] strong').text().match(/\d+/)?.[0]);
    expect(identified - n('duplicates')).toBe(screened);
    expect(screened).toBe(studySlugs.length);
    expect(n('excluded') + (Number.isNaN(n('pending')) ? 0 : n('pending')) + included).toBe(screened);
  });

  it('has no link to a missing page or file', () => {
    const missing: string[] = [];
    for (const file of htmlFiles(DIST)) {
      const $ = cheerio.load(readFileSync(file, 'utf8'));
      const page = `/${relative(DIST, file).replace(/index\.html$/, '')}`;
      $('a[href], link[href], script[src], img[src]').each((_, el) => {
        const raw = $(el).attr('href') ?? $(el).attr('src')!;
        if (/^(https?:|mailto:)/.test(raw)) return;
        const url = new URL(raw, `http://site${page}`);
        if (url.hash && url.pathname === page) {
          if ($(`[id="${url.hash.slice(1)}"]`).length === 0) missing.push(`${page} → ${raw} (no such id)`);
          return;
        }
        const target = join(DIST, decodeURIComponent(url.pathname));
        if (!existsSync(target) || (statSync(target).isDirectory() && !existsSync(join(target, 'index.html')))) missing.push(`${page} → ${raw}`);
      });
    }
    expect(missing).toEqual([]);
  });

  it('makes no request outside its origin (no external scripts, styles, images, fonts or frames)', () => {
    for (const file of htmlFiles(DIST)) {
      const $ = cheerio.load(readFileSync(file, 'utf8'));
      const external = $('script[src], link[rel=stylesheet], link[rel=preload], link[rel=icon], img[src], iframe[src], source[src]')
        .map((_, el) => $(el).attr('src') ?? $(el).attr('href'))
        .get()
        .filter((u) => /^(https?:)?\/\//.test(u));
      expect(external, file).toEqual([]);
    }
  });
});
