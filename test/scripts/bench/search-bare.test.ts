import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { BARE_DIR, stripPagefindAttributes, writeBarePagefind } from '../../../scripts/bench/search-bare.ts';

const site = mkdtempSync(join(tmpdir(), 'bare-pagefind-test-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('the bare Pagefind baseline of the search bench', () => {
  it('removes every data-pagefind-* attribute, valued, bare or single-quoted, and keeps the others', () => {
    const html = `<article data-pagefind-body><h1 data-pagefind-meta="title" id="t">T</h1><span hidden data-pagefind-ignore data-pagefind-filter='journal'>J</span><form data-search-box></form></article>`;
    expect(stripPagefindAttributes(html)).toBe(`<article><h1 id="t">T</h1><span hidden>J</span><form data-search-box></form></article>`);
  });

  it('indexes the whole page of each study with default settings, ignoring our body selection and filters, and writes beside the site', async () => {
    for (const [slug, word] of [['a', 'alphaword'], ['b', 'betaword']] as const) {
      mkdirSync(join(site, 'studies', slug), { recursive: true });
      writeFileSync(join(site, 'studies', slug, 'index.html'), `<!doctype html><html lang="en"><head><title>${slug}</title></head><body><p>outside ${word}</p><article data-pagefind-body><h1>Study ${slug}</h1><span data-pagefind-filter="status">included</span></article></body></html>`);
    }
    mkdirSync(join(site, 'embed', 'x'), { recursive: true });
    writeFileSync(join(site, 'embed', 'x', 'index.html'), '<html><body>not a study</body></html>');
    const { pages } = await writeBarePagefind(site);
    expect(pages).toBe(2);
    const dir = join(site, BARE_DIR, 'pagefind');
    expect(readdirSync(dir)).toContain('pagefind.js');
    expect(readdirSync(dir)).not.toContain('filter');
    const contents = readdirSync(join(dir, 'fragment')).map((f) => (JSON.parse(gunzipSync(readFileSync(join(dir, 'fragment', f))).subarray(12).toString('utf8')) as { content: string }).content);
    expect(contents.some((c) => c.includes('outside alphaword'))).toBe(true);
    // The study pages are read from the site, never changed there.
    expect(readFileSync(join(site, 'studies', 'a', 'index.html'), 'utf8')).toContain('data-pagefind-body');
  });
});
