import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { startE2E, type E2E } from './harness.ts';
import { openWatched } from './page-watch.ts';
import { expectNoSeriousA11yViolations } from './a11y.ts';

const DIST = inject('distDir');
const VERSION = (JSON.parse(readFileSync(join(inject('dataDir'), 'manifest.json'), 'utf8')) as { version: string }).version;
const { figures } = JSON.parse(readFileSync(join(DIST, 'figures', 'index.json'), 'utf8')) as { figures: { id: string; kind: string; page: string; anchor: string }[] };
// The outcome plot that pools the first record's WMA estimate (a study's own plots have no embed page).
const first = figures.find((f) => f.id === 'outcome-wall-motion-abnormality-auc')!;

let e2e: E2E;
let host: StaticServer;
let hostDir: string;
beforeAll(async () => {
  e2e = await startE2E();
  // A second origin (another port) serving a page that frames the embed the way the snippet says.
  hostDir = mkdtempSync(join(tmpdir(), 'embed-host-'));
  const frame = (id: string, width: number) =>
    `<iframe id="f-${id}" src="${e2e.server.origin}/embed/${id}/" title="plot" width="${width}" height="320" style="border:0" sandbox="allow-popups allow-top-navigation-by-user-activation"></iframe>`;
  writeFileSync(join(hostDir, 'index.html'), `<!doctype html><html><head><title>Host</title><link rel="icon" href="data:,"></head><body><h1>Another site</h1>${frame(first.id, 420)}</body></html>`);
  host = await serveStatic(hostDir);
});
afterAll(async () => {
  await e2e?.close();
  await host?.close();
  if (hostDir) rmSync(hostDir, { recursive: true, force: true });
});

describe('the embed page in a sandboxed iframe on another origin', () => {
  it('draws the plot scaled to the frame, with its styles, and captions it with the data version', async () => {
    expect(new URL(host.origin).origin).not.toBe(new URL(e2e.server.origin).origin);
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    const errors: string[] = [];
    context.on('request', (r) => requested.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${host.origin}/`, { waitUntil: 'load' });
    const frame = page.frameLocator(`#f-${first.id}`);
    const svg = frame.locator('figure.embed svg[role=img]');
    await expect.poll(() => svg.isVisible(), { timeout: 10_000 }).toBe(true);
    const box = await svg.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.width).toBeLessThanOrEqual(420);
    expect(box!.height).toBeGreaterThan(50);
    // embed.css loaded in the opaque-origin frame: the SVG fills the frame minus the body padding.
    const style = await svg.evaluate((el) => ({ display: getComputedStyle(el).display, padding: getComputedStyle(document.body).paddingLeft }));
    expect(style).toEqual({ display: 'block', padding: '8px' });
    expect(await frame.locator('figcaption').textContent()).toContain(`data version ${VERSION}`);
    expect(await frame.locator('figcaption .embed-version').textContent()).toBe(VERSION);
    // No script ran, nothing was stored, and nothing came from a third origin.
    expect(requested.every((u) => u.startsWith(host.origin) || u.startsWith(e2e.server.origin))).toBe(true);
    expect(requested.filter((u) => u.endsWith('.js'))).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    expect(errors.filter((e) => !/favicon/.test(e))).toEqual([]);
    await context.close();
  });

  it('links back to the plot on the review, opening in the top window on a click', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${host.origin}/`, { waitUntil: 'load' });
    const link = page.frameLocator(`#f-${first.id}`).locator('figcaption a[target=_top]:not(.embed-pdf)');
    await link.click();
    await page.waitForURL(`${e2e.server.origin}${first.page}#${first.anchor}`);
    expect(await page.locator(`figure.forest#${first.anchor} svg`).isVisible()).toBe(true);
    await context.close();
  });
});

describe('"Take this figure" under an outcome plot', () => {
  it('opens without JavaScript and every link answers 200', async () => {
    const { page } = await e2e.open(first.page, { javaScriptEnabled: false });
    const take = page.locator(`figure.forest#${first.anchor} details.figure-take`);
    await take.locator('summary').click();
    const links = take.locator('a');
    expect(await links.count()).toBe(6);
    expect(await take.locator('button[data-copy]').isVisible()).toBe(false);
    for (const href of await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
      const res = await page.request.get(href);
      expect(res.status(), href).toBe(200);
      if (href.endsWith('.png')) expect(res.headers()['content-type']).toBe('image/png');
      if (href.endsWith('.svg')) expect(res.headers()['content-type']).toBe('image/svg+xml');
      if (href.endsWith('.pdf')) {
        expect(res.headers()['content-type']).toBe('application/pdf');
        expect((await res.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }
    }
    expect(await take.locator('pre code').textContent()).toMatch(new RegExp(`^<iframe src="https?://[^"]+/embed/${first.id}/"`));
  });

  it('copies the iframe snippet with the copy button when JavaScript and the Clipboard API are there', async () => {
    const context = await e2e.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${e2e.server.origin}${first.page}`, { waitUntil: 'load' });
    const take = page.locator(`figure.forest#${first.anchor} details.figure-take`);
    await take.locator('summary').click();
    const button = take.locator('button[data-copy]');
    await expect.poll(() => button.isVisible()).toBe(true);
    await button.click();
    await expect.poll(() => take.locator('.copy-status').textContent()).toBe('Copied.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await take.locator('pre code').textContent());
    await context.close();
  });
});

describe('accessibility and the Content-Security-Policy', () => {
  it('the embed page and an open "Take this figure" break no CSP rule and have no serious axe-core violation', async () => {
    const embed = await openWatched(e2e, `/embed/${first.id}/`);
    await embed.page.waitForLoadState('networkidle');
    expect(await embed.csp()).toEqual([]);
    expect(embed.errors).toEqual([]);
    await expectNoSeriousA11yViolations(embed.page, `/embed/${first.id}/`);
    await embed.page.context().close();

    const study = await openWatched(e2e, first.page);
    await study.page.locator(`figure.forest#${first.anchor} details.figure-take summary`).click();
    await study.page.waitForLoadState('networkidle');
    expect(await study.csp()).toEqual([]);
    await expectNoSeriousA11yViolations(study.page, `${first.page} with "Take this figure" open`);
    await study.page.context().close();
  }, 90_000);
});
