import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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

  it('fails the build, naming the folder, when it finds no page to index', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'pagefind-empty-'));
    await expect(buildSearchIndex(empty)).rejects.toThrow(empty);
    rmSync(empty, { recursive: true, force: true });
  });
});
