import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runIngest } from '../../../scripts/ingest.ts';
import { createSyntheticProject, markProject } from '../../../scripts/bench/synthetic.ts';
import { readReview } from '../../../scripts/lib/content-fs.ts';
import { runCheck } from '../../../scripts/check.ts';
import { ROOT } from '../../helpers.ts';
import type { SyntheticCorpus } from '../../../scripts/bench/lib/synthetic/corpus.ts';

const quiet = () => {};

describe('the benchmark project', () => {
  let dir: string;
  let corpus: SyntheticCorpus;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bench-synthetic-'));
    corpus = await createSyntheticProject(dir, await readReview(ROOT), 25, 9);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is written outside content/, as listing sources the real ingest reads, with the intended number of estimates', async () => {
    expect(dir.startsWith(join(ROOT, 'content'))).toBe(false);
    expect(await runIngest(dir, false, quiet, quiet)).toBe(0);
    const names = (await readdir(join(dir, 'content', 'studies'))).sort();
    expect(names).toHaveLength(25);
    let total = 0;
    for (const n of names) {
      const front = parse((await readFile(join(dir, 'content', 'studies', n), 'utf8')).split('\n---\n')[0]!.slice(4)) as { estimates: { needs_review: boolean }[]; source: { file: string; record: number } };
      const want = corpus.records.find((r) => `content/sources/${r.file}` === front.source.file && r.record === front.source.record)!;
      expect(front.estimates).toHaveLength(want.estimates.length);
      expect(front.estimates.every((e) => !e.needs_review)).toBe(true);
      total += front.estimates.length;
    }
    expect(total).toBe(corpus.records.reduce((n, r) => n + r.estimates.length, 0));
  });

  it('marks every page synthetic, with a screening decision the checks accept', async () => {
    expect(await markProject(dir, await readReview(ROOT), corpus)).toBe(25);
    const pages = await Promise.all((await readdir(join(dir, 'content', 'studies'))).map((n) => readFile(join(dir, 'content', 'studies', n), 'utf8')));
    expect(pages.every((p) => /^synthetic: true$/m.test(p))).toBe(true);
    expect(pages.filter((p) => /^status: included$/m.test(p)).length).toBeGreaterThan(10);
    for (const p of pages.filter((x) => /^status: excluded$/m.test(x))) expect(p).toMatch(/^exclusion_reason: [a-z-]+$/m);
  });

  it('gives the pages whose abstracts report a 2×2 table that table, which npm run check accepts and checks against their sensitivity and specificity', async () => {
    const studies = join(dir, 'content', 'studies');
    const withTables: { name: string; page: string }[] = [];
    for (const n of await readdir(studies)) {
      const page = await readFile(join(studies, n), 'utf8');
      if (/^two_by_two:\n {2}- /m.test(page)) withTables.push({ name: n, page });
    }
    expect(withTables.length).toBe(corpus.records.filter((r) => r.tables.length > 0 || r.ingestTables > 0).length);
    expect(withTables.length).toBeGreaterThan(3);
    const problems = await runCheck(dir);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    // The same page with one count off is refused: the tables are really checked against the stated estimates.
    const checked = withTables.find(({ page }) => {
      const front = parse(page.split('\n---\n')[0]!.slice(4)) as { estimates: { label: string; outcome: string; measure: string }[]; two_by_two: { label: string; outcome: string }[] };
      const t = front.two_by_two[0]!;
      return front.estimates.some((e) => e.label === t.label && e.outcome === t.outcome && e.measure === 'sensitivity');
    })!;
    expect(checked).toBeDefined();
    const tp = Number(/^ {4}tp: \{ n: (\d+),/m.exec(checked.page)![1]);
    await writeFile(join(studies, checked.name), checked.page.replace(/^( {4}tp: \{ n: )\d+(, quote: ")\d+/m, `$1${tp + 40}$2${tp + 40}`).replace(`${tp} true positives`, `${tp + 40} true positives`));
    const broken = (await runCheck(dir)).filter((p) => p.severity === 'error');
    expect(broken.map((p) => `${p.file}: ${p.field}`)).toEqual([`content/studies/${checked.name}: two_by_two.0.tp`]);
    expect(broken[0]!.message).toMatch(/reports sensitivity/);
    await writeFile(join(studies, checked.name), checked.page);
  });
});
