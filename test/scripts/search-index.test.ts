import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSearchIndex } from '../../scripts/lib/search-index.ts';

const site = mkdtempSync(join(tmpdir(), 'pagefind-test-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

function page(path: string, html: string): void {
  mkdirSync(join(site, path), { recursive: true });
  writeFileSync(join(site, path, 'index.html'), `<!doctype html><html lang="en"><head><title>t</title></head><body>${html}</body></html>`);
}

describe('the Pagefind build step', () => {
  it('indexes only study pages, only what is marked data-pagefind-body, and writes the bundle next to them', async () => {
    page('', '<h1>Overview</h1><p>echocardiography on the home page</p>');
    page('embed/x', '<main data-pagefind-body><p>echocardiography in an embed page</p></main>');
    page('studies/a', '<article data-pagefind-body><h1 data-pagefind-meta="title">Study A</h1><span hidden data-pagefind-ignore data-pagefind-filter="status">excluded</span><p>echocardiography videos</p><svg><text>plot label</text></svg></article>');
    page('studies/b', '<article data-pagefind-body><h1>Study B</h1><span hidden data-pagefind-ignore data-pagefind-filter="status">included</span><p>radiographs</p></article>');
    expect(await buildSearchIndex(site)).toBe(2);
    const files = readdirSync(join(site, 'pagefind'));
    expect(files).toContain('pagefind.js');
    expect(files).toContain('pagefind-entry.json');
    expect(readdirSync(join(site, 'pagefind', 'filter')).length).toBeGreaterThan(0);
  });

  it('indexes a study page\'s marked title, abstract and notes, not its tables, and keeps the filters and metadata of hidden spans outside them', async () => {
    const own = mkdtempSync(join(tmpdir(), 'pagefind-bodies-'));
    mkdirSync(join(own, 'studies', 'c'), { recursive: true });
    writeFileSync(
      join(own, 'studies', 'c', 'index.html'),
      '<!doctype html><html lang="en"><head><title>t</title></head><body><article><h1 data-pagefind-body data-pagefind-meta="title">Study C</h1>' +
        '<span hidden data-pagefind-filter="journal">Radiology</span><p class="citation"><cite>Study C</cite> doi: 10.1/zzz</p>' +
        '<table><tr><td>tabulatedword 0.91</td></tr></table><section class="abstract" data-pagefind-body><p>abstractword findings</p></section>' +
        '<section class="notes" data-pagefind-body><p>noteword</p></section></article></body></html>',
    );
    try {
      expect(await buildSearchIndex(own)).toBe(1);
      const dir = join(own, 'pagefind', 'fragment');
      const fragments = readdirSync(dir).map((f) => JSON.parse(gunzipSync(readFileSync(join(dir, f))).subarray(12).toString('utf8')) as { content: string; filters: Record<string, string[]>; meta: Record<string, string> });
      expect(fragments).toHaveLength(1);
      const [f] = fragments;
      expect(f!.content).toMatch(/Study C/);
      expect(f!.content).toMatch(/abstractword findings/);
      expect(f!.content).toMatch(/noteword/);
      expect(f!.content).not.toMatch(/tabulatedword|doi/);
      expect(f!.filters).toEqual({ journal: ['Radiology'] });
      expect(f!.meta.title).toBe('Study C');
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('fails the build, naming the folder, when it finds no page to index', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'pagefind-empty-'));
    await expect(buildSearchIndex(empty)).rejects.toThrow(empty);
    rmSync(empty, { recursive: true, force: true });
  });
});
