import { describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ROOT } from '../helpers.ts';

const DIST = inject('distDir');
const load = (path: string) => cheerio.load(readFileSync(join(DIST, path, 'index.html'), 'utf8'));
const git = (...args: string[]) => execFileSync('git', ['-C', ROOT, ...args]).toString().trim();
const latestContentCommit = git('log', '-1', '--format=%H', '--', 'content/studies', 'content/review.yaml');
const committedSlugs = git('ls-tree', '--name-only', 'HEAD', 'content/studies/')
  .split('\n')
  .filter((p) => p.endsWith('.mdx'))
  .map((p) => p.replace(/^content\/studies\//, '').replace(/\.mdx$/, ''));
const dirty = git('status', '--porcelain', '--', 'content/studies', 'content/review.yaml') !== '';

function htmlPages(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? htmlPages(p) : n === 'index.html' ? [p] : [];
  });
}

describe('the Changes page', () => {
  it("has the latest content commit as an update and links every study of the current commit", () => {
    const $ = load('changes');
    expect($(`article#c-${latestContentCommit.slice(0, 12)}`).attr('data-commit')).toBe(latestContentCommit);
    const linked = new Set($('article.change a[href*="/studies/"]').map((_, a) => $(a).attr('href')!.replace(/^.*\/studies\/([^/]+)\/$/, '$1')).get());
    for (const slug of committedSlugs) expect(linked.has(slug), slug).toBe(true);
    expect($('#unpublished').length).toBe(dirty ? 1 : 0);
  });

  it('lists the updates newest first, each naming the search it reports', () => {
    const $ = load('changes');
    const commits = $('article.change').map((_, a) => $(a).attr('data-commit')).get();
    const log = git('log', '--format=%H', '--', 'content/studies', 'content/review.yaml').split('\n');
    expect(commits).toEqual(log);
    $('article.change').each((_, a) => expect($(a).find('.change-search').text()).toMatch(/Search reported: .+ \(\d+ records\)/));
  });
});

describe('the Atom feed (/changes.xml)', () => {
  const xml = readFileSync(join(DIST, 'changes.xml'), 'utf8');
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => name === 'entry' || name === 'link' }).parse(xml);

  it('is well-formed XML in the Atom namespace with feed id, title and updated', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parsed.feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(typeof feed.id).toBe('string');
    expect(feed.title).toBeTruthy();
    expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
    expect(feed.link.some((l: Record<string, string>) => l['@_rel'] === 'self' && l['@_href']!.endsWith('/changes.xml'))).toBe(true);
  });

  it('has one entry per update, newest first, each with id, title, updated and a link to the Changes page', () => {
    const entries = parsed.feed.entry as Record<string, unknown>[];
    expect(entries.length).toBe(git('log', '--format=%H', '--', 'content/studies', 'content/review.yaml').split('\n').length);
    for (const e of entries) {
      expect(e.id).toMatch(/^https?:\/\/.+#commit-[0-9a-f]{40}$/);
      expect(e.title).toBeTruthy();
      expect(Number.isNaN(Date.parse(e.updated as string))).toBe(false);
      const href = (e.link as Record<string, string>[])[0]!['@_href']!;
      expect(href).toMatch(/\/changes\/#c-[0-9a-f]{12}$/);
    }
    expect(entries[0]!.id).toContain(latestContentCommit);
    expect(parsed.feed.updated).toBe(entries[0]!.updated);
  });

  it('is linked from the head and the footer of every page; the data version is on the home and Data pages, not in every footer', () => {
    const manifest = JSON.parse(readFileSync(join(inject('dataDir'), 'manifest.json'), 'utf8'));
    const pages = htmlPages(DIST).filter((p) => !p.includes(`${join(DIST, 'embed')}`));
    expect(pages.length).toBeGreaterThan(10);
    for (const p of pages) {
      const $ = cheerio.load(readFileSync(p, 'utf8'));
      expect($('head link[rel="alternate"][type="application/atom+xml"]').attr('href'), p).toMatch(/\/changes\.xml$/);
      expect($('footer a[type="application/atom+xml"]').attr('href'), p).toMatch(/\/changes\.xml$/);
      // In every footer it made each page depend on every study: one changed study re-rendered the site.
      expect($('footer').text(), p).not.toContain(manifest.version);
    }
    expect(load('')('[data-data-version]').text()).toBe(manifest.version);
    expect(load('data')('main').text()).toContain(manifest.version);
  });
});

describe('study history on the study pages', () => {
  it('shows when each study was added and last changed', () => {
    for (const slug of committedSlugs) {
      const $ = load(`studies/${slug}`);
      const dts = $('dl.facts dt').map((_, d) => $(d).text()).get();
      expect(dts, slug).toEqual(expect.arrayContaining(['Added', 'Last changed']));
      const added = $('dl.facts dd[data-history]');
      expect(added.find('time').attr('datetime'), slug).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
  });

  it('publishes the data as Parquet, CSV, JSON and DuckDB, each with size and hash', () => {
    const $ = load('data');
    const rows = $('tbody tr').filter((_, r) => $(r).find('a[download]').length > 0);
    const names = rows.map((_, r) => $(r).find('a').first().text()).get();
    for (const n of ['studies.parquet', 'estimates.parquet', 'studies.csv', 'estimates.csv', 'studies.json', 'estimates.json', 'review.duckdb']) {
      expect(names).toContain(n);
      expect(existsSync(join(DIST, 'data', n)), n).toBe(true);
    }
    rows.each((_, r) => {
      expect($(r).find('td.num').text()).toMatch(/\d/);
      expect($(r).find('code').attr('title')).toMatch(/^[0-9a-f]{64}$/);
    });
  });
});
