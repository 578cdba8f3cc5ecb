import { describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { ROOT } from '../helpers.ts';

const DIST = inject('distDir');
const slugs = readdirSync(join(ROOT, 'content', 'studies')).filter((n) => n.endsWith('.mdx')).map((n) => n.replace(/\.mdx$/, ''));
const load = (path: string) => cheerio.load(readFileSync(join(DIST, path, 'index.html'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('citations on the built site', () => {
  it('puts the BibTeX, RIS and CSL-JSON records in each study page, naming its title, with no citation files or links to them', () => {
    for (const slug of slugs) {
      const $ = load(`studies/${slug}`);
      const title = $('h1').first().text();
      for (const file of ['cite.bib', 'cite.ris', 'cite.json']) expect(existsSync(join(DIST, 'studies', slug, file)), `${slug}/${file}`).toBe(false);
      expect($('.cite-study a').length, `${slug} links no file`).toBe(0);
      const text = (key: string) => $(`.cite-study details.cite-texts pre#cite-${key}`).text();
      expect(text('bib')).toMatch(/^@\w+\{/);
      expect(JSON.parse(text('csl'))[0].title).toBe(title);
      expect((new Cite(text('ris')).data[0] as { title: string }).title).toBe(title);
      // The download buttons wait for the script (hidden without it) and name the element they save.
      const buttons = $('.cite-study p.cite-files[hidden] button[data-save]');
      expect(buttons.map((_, b) => `${$(b).attr('data-save')} ${$(b).attr('data-name')}`).get()).toEqual([`cite-bib ${slug}.bib`, `cite-ris ${slug}.ris`, `cite-csl ${slug}.json`]);
      expect($('.cite-study [data-style="apa"]').text().length).toBeGreaterThan(20);
      expect($('.cite-study [data-style="vancouver"]').text().length).toBeGreaterThan(20);
    }
  });

  it('shows the first record formatted in APA', () => {
    const slug = slugs.find((s) => readFileSync(join(ROOT, 'content', 'studies', `${s}.mdx`), 'utf8').includes('key: doi:10.1101/2024.04.16.24305936'))!;
    expect(load(`studies/${slug}`)('.cite-study [data-style="apa"]').text()).toMatch(/^Sahashi, Y\., Vukadinovic, M\., .* \(2024\)\. Using Deep learning .* \[Preprint\]\. medRxiv\. https:\/\/doi\.org\/10\.1101\/2024\.04\.16\.24305936$/);
  });

  it('has a "Cite this review" block on the home page with the package and data versions', () => {
    const $ = load('');
    const manifest = JSON.parse(readFileSync(join(inject('dataDir'), 'manifest.json'), 'utf8'));
    const block = $('section.cite-review');
    expect(block.find('[data-version]').text()).toBe(pkg.version);
    expect(block.find('[data-data-version]').text()).toBe(manifest.version);
    expect(block.find('.reference').text()).toContain(`(Version ${pkg.version} (data ${manifest.version}))`);
    expect(block.find('time').first().attr('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
