import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkContent } from '../../../src/lib/content/checks.ts';
import { readReview, readStudies } from '../../../scripts/lib/content-fs.ts';
import { readCheckedStudies } from '../../../scripts/lib/study-cache-fs.ts';
import { INVALID_PAGE, ROOT } from '../../helpers.ts';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'study-cache-'));
  await cp(join(ROOT, 'content', 'studies'), join(dir, 'content', 'studies'), { recursive: true });
  await cp(join(ROOT, 'content', 'review.yaml'), join(dir, 'content', 'review.yaml'));
  // One page the schema refuses, so problems and their lines go through the cache too.
  const broken = join(dir, INVALID_PAGE);
  await writeFile(broken, (await readFile(broken, 'utf8')).replace('status: excluded', 'status: maybe'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What npm run check would print, read through the cache. */
async function cachedCheck() {
  const review = await readReview(dir);
  const read = await readCheckedStudies(dir, review);
  return { problems: checkContent(read.pages, review, read.checks), pages: read.pages.map((p) => JSON.stringify([p.slug, p.study, p.sections])), hits: read.hits, misses: read.misses };
}

describe('the study page cache', () => {
  it('gives the problems, lines and studies of a fresh read, first by validating every page, then from the cache', async () => {
    const review = await readReview(dir);
    const fresh = await readStudies(dir);
    const want = checkContent(fresh, review);
    expect(want.some((p) => p.file === INVALID_PAGE && p.severity === 'error')).toBe(true);
    const first = await cachedCheck();
    const second = await cachedCheck();
    expect([first.hits, first.misses]).toEqual([0, fresh.length]);
    expect([second.hits, second.misses]).toEqual([fresh.length, 0]);
    for (const run of [first, second]) {
      expect(run.problems).toEqual(want);
      expect(run.pages).toEqual(fresh.map((p) => JSON.stringify([p.slug, p.study, p.sections])));
    }
  });

  it('validates again only the page that changed, and every page when review.yaml or the checking code changed', async () => {
    const pages = (await cachedCheck()).misses;
    const page = join(dir, 'content', 'studies', '2024-deep-learning-applied-echocardiography-could-predict.mdx');
    await writeFile(page, (await readFile(page, 'utf8')).replace(/^title: (.*)$/m, 'title: $1 (revised)'));
    const afterPage = await cachedCheck();
    expect([afterPage.hits, afterPage.misses]).toEqual([pages - 1, 1]);
    const review = join(dir, 'content', 'review.yaml');
    await writeFile(review, `${await readFile(review, 'utf8')}\n# a comment\n`);
    expect((await cachedCheck()).misses).toBe(pages);
    await mkdir(join(dir, 'src', 'lib'), { recursive: true });
    await writeFile(join(dir, 'src', 'lib', 'new-check.ts'), 'export const x = 1;\n');
    expect((await cachedCheck()).misses).toBe(pages);
    expect((await cachedCheck()).misses).toBe(0);
  });

  it('reads a page that was deleted or added as the folder now is', async () => {
    await cachedCheck();
    await rm(join(dir, INVALID_PAGE));
    const gone = await cachedCheck();
    expect(gone.problems.some((p) => p.file === INVALID_PAGE)).toBe(false);
    expect(gone.misses).toBe(0);
    await writeFile(join(dir, 'content', 'studies', 'zz-empty.mdx'), '---\ntitle: x\n---\n');
    const added = await cachedCheck();
    expect(added.misses).toBe(1);
    expect(added.problems.some((p) => p.file === 'content/studies/zz-empty.mdx' && p.severity === 'error')).toBe(true);
  });
});
