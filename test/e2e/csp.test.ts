import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { startE2E, type E2E } from './harness.ts';
import { listPages, openWatched, watchedContext } from './page-watch.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

const FIRST_STUDY = '/studies/2024-deep-learning-applied-echocardiography-could-predict/';

function policyOf(path: string): string {
  const $ = load(readFileSync(join(inject('distDir'), path, 'index.html'), 'utf8'));
  const metas = $('meta[http-equiv="content-security-policy" i]');
  expect(metas.length, `${path} has one CSP meta`).toBe(1);
  return metas.attr('content') ?? '';
}

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

describe('Content-Security-Policy', () => {
  it('every page carries a strict policy: own origin only, inline code only by hash, never unsafe-inline', () => {
    const pages = listPages(inject('distDir'));
    expect(pages.length).toBeGreaterThan(10);
    for (const path of pages) {
      const policy = policyOf(path);
      const d = directives(policy);
      expect(d.get('default-src'), path).toEqual(["'self'"]);
      expect(d.get('connect-src'), path).toEqual(["'self'"]);
      expect(d.get('img-src'), path).toEqual(["'self'", 'data:']);
      expect(d.get('object-src'), path).toEqual(["'none'"]);
      for (const name of ['script-src', 'style-src']) {
        const values = d.get(name) ?? [];
        expect(values[0], `${path} ${name}`).toBe("'self'");
        for (const v of values.slice(1)) expect(v, `${path} ${name}`).toMatch(/^'(sha256-[A-Za-z0-9+/=]+|wasm-unsafe-eval)'$/);
      }
      const tokens = [...d.values()].flat();
      for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'blob:']) expect(tokens, `${path} allows ${bad}`).not.toContain(bad);
      expect(tokens.filter((t) => /^(https?:|\/\/)/.test(t)), path).toEqual([]);
      // frame-ancestors is ignored (with a console error) in a meta policy; the embeds must stay embeddable.
      expect(d.has('frame-ancestors'), path).toBe(false);
    }
  });

  it('no page uses inline event handlers or style attributes (the policy would block them)', () => {
    for (const path of listPages(inject('distDir'))) {
      const $ = load(readFileSync(join(inject('distDir'), path, 'index.html'), 'utf8'));
      const attrs = $('*').toArray().flatMap((el) => Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {}).filter((a) => a === 'style' || /^on/i.test(a)).map((a) => `${(el as { name: string }).name}[${a}]`));
      expect(attrs, path).toEqual([]);
    }
  });

  it('blocks and reports an injected inline script and style attribute (control: the watchers work)', async () => {
    const w = await openWatched(e2e, '/');
    const ran = await w.page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
      document.body.setAttribute('style', 'color: red');
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(async () => (await w.csp()).join('\n')).toMatch(/script-src-elem[\s\S]*style-src-attr|style-src-attr[\s\S]*script-src-elem/);
    await w.page.context().close();
  });

  it('visiting and scrolling every page produces zero CSP violations', async () => {
    const found: string[] = [];
    const context = await watchedContext(e2e);
    for (const path of listPages(inject('distDir'))) {
      const w = await openWatched(e2e, path, context);
      await w.page.mouse.wheel(0, 4000);
      await w.page.waitForLoadState('networkidle');
      found.push(...(await w.csp()).map((v) => `${path}: ${v}`));
      await w.page.close();
    }
    await context.close();
    expect(found).toEqual([]);
  }, 180_000);

  it('searching (Pagefind: its worker and WebAssembly) runs under the policy without violations', async () => {
    const w = await openWatched(e2e, '/search/?q=echocardiography');
    await expect.poll(() => w.page.locator('[data-results-list] li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await w.page.getByRole('checkbox').first().check();
    await w.page.waitForLoadState('networkidle');
    expect(await w.csp()).toEqual([]);
    expect(w.errors).toEqual([]);
    expect(w.requested.some((u) => u.includes('/pagefind/wasm.'))).toBe(true);
    await w.page.context().close();
  });

  it('/explore/ (when built) runs DuckDB-WASM (its worker and WebAssembly) under the policy without violations', async () => {
    if (!existsSync(join(inject('distDir'), 'explore', 'index.html'))) return;
    const w = await openWatched(e2e, '/explore/');
    await w.page.locator('select[name="measure"]').selectOption({ index: 1 });
    await expect.poll(() => w.requested.some((u) => /\.wasm\.[\w-]+\.gz$/.test(u)), { timeout: 20_000 }).toBe(true);
    await w.page.waitForLoadState('networkidle', { timeout: 30_000 });
    expect(await w.csp()).toEqual([]);
    await w.page.context().close();
  }, 60_000);

  it('a study page and /explore/ (when built) load their scripts without violations', async () => {
    const paths = [FIRST_STUDY, '/studies/'];
    if (existsSync(join(inject('distDir'), 'explore', 'index.html'))) paths.push('/explore/');
    for (const path of paths) {
      const w = await openWatched(e2e, path);
      await w.page.locator('#site-search-q').focus();
      await w.page.waitForLoadState('networkidle');
      expect(await w.csp(), path).toEqual([]);
      await w.page.context().close();
    }
  });
});
