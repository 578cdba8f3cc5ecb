import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runIngest } from '../../../scripts/ingest.ts';
import { createSyntheticProject, markProject } from '../../../scripts/bench/synthetic.ts';
import { readReview } from '../../../scripts/lib/content-fs.ts';
import { ROOT } from '../../helpers.ts';
import type { SyntheticCorpus } from '../../../src/lib/synthetic/corpus.ts';

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
    expect(await markProject(dir, await readReview(ROOT))).toBe(25);
    const pages = await Promise.all((await readdir(join(dir, 'content', 'studies'))).map((n) => readFile(join(dir, 'content', 'studies', n), 'utf8')));
    expect(pages.every((p) => /^synthetic: true$/m.test(p))).toBe(true);
    expect(pages.filter((p) => /^status: included$/m.test(p)).length).toBeGreaterThan(10);
    for (const p of pages.filter((x) => /^status: excluded$/m.test(x))) expect(p).toMatch(/^exclusion_reason: [a-z-]+$/m);
  });
});
