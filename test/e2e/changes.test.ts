import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { startE2E, type E2E } from './harness.ts';
import { openWatched } from './page-watch.ts';
import { expectNoSeriousA11yViolations } from './a11y.ts';
import { ROOT } from '../helpers.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

const FIRST_STUDY = '/studies/2024-deep-learning-applied-echocardiography-could-predict/';
const latest = execFileSync('git', ['-C', ROOT, 'log', '-1', '--format=%H', '--', 'content/studies', 'content/review.yaml']).toString().trim();

describe('Changes page, feed and citation files in Chromium', () => {
  it('shows the latest update, follows the head feed link to Atom XML, with no console error or serious axe violation', async () => {
    const w = await e2e.open('/changes/');
    const { page } = w;
    await expect(page.locator(`article#c-${latest.slice(0, 12)}`).count()).resolves.toBe(1);
    const href = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
    const feed = await page.evaluate(async (u) => {
      const r = await fetch(u!);
      return { ok: r.ok, text: await r.text() };
    }, href);
    expect(feed.ok).toBe(true);
    expect(feed.text).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(feed.text).toContain(`#commit-${latest}`);
    expect(w.requested.every((u) => u.startsWith(e2e.server.origin))).toBe(true);
    await page.context().close();

    const watched = await openWatched(e2e, '/changes/');
    await expectNoSeriousA11yViolations(watched.page, '/changes/');
    expect(watched.errors).toEqual([]);
    await watched.page.context().close();
  });

  it("shows a study's BibTeX in its citation block", async () => {
    const { page } = await e2e.open(FIRST_STUDY);
    const bib = (await page.locator('.cite-study pre#cite-bib').textContent())!;
    expect(bib).toMatch(/^@article\{Sahashi2024Using,/);
    expect(bib).toContain('doi = {10.1101/2024.04.16.24305936}');
    await page.context().close();
  });
});
