import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIngest } from '../../scripts/ingest.ts';
import { ROOT } from '../helpers.ts';

/** A throwaway project: the real content/sources and review.yaml, an empty studies folder. */
async function scratchProject(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ingest-'));
  await cp(join(ROOT, 'content', 'sources'), join(dir, 'content', 'sources'), { recursive: true });
  await cp(join(ROOT, 'content', 'review.yaml'), join(dir, 'content', 'review.yaml'));
  return dir;
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const studies = join(dir, 'content', 'studies');
  const names = (await readdir(studies)).sort();
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(join(studies, n), 'utf8')] as const)));
}

const quiet = () => {};

describe('npm run ingest', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await scratchProject();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates one page per seed record and reports no problems', async () => {
    const lines: string[] = [];
    expect(await runIngest(dir, false, (l) => lines.push(l), quiet)).toBe(0);
    expect(Object.keys(await snapshot(dir))).toHaveLength(6);
    expect(lines.at(-1)).toBe('ingest: 6 records, 6 pages created, 0 already present, 0 duplicates, 0 problems');
  });

  it('leaves the tree byte-identical when run a second time', async () => {
    await runIngest(dir, false, quiet, quiet);
    const first = await snapshot(dir);
    expect(await runIngest(dir, false, quiet, quiet)).toBe(0);
    expect(await snapshot(dir)).toEqual(first);
  });

  it('keeps a hand edit through any number of runs', async () => {
    await runIngest(dir, false, quiet, quiet);
    const [name] = Object.keys(await snapshot(dir));
    const file = join(dir, 'content', 'studies', name!);
    const edited = (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: "A curated title"').replace('title_source: derived', 'title_source: curated');
    await writeFile(file, `${edited}\nA curator's note.\n`);
    for (let i = 0; i < 3; i++) await runIngest(dir, false, quiet, quiet);
    expect(await readFile(file, 'utf8')).toBe(`${edited}\nA curator's note.\n`);
  });

  it('does not duplicate a record whose page was renamed (same key under another slug)', async () => {
    await runIngest(dir, false, quiet, quiet);
    const studies = join(dir, 'content', 'studies');
    const [name] = (await readdir(studies)).sort();
    const text = await readFile(join(studies, name!), 'utf8');
    await rm(join(studies, name!));
    await writeFile(join(studies, 'renamed-by-an-author.mdx'), text);
    await runIngest(dir, false, quiet, quiet);
    expect((await readdir(studies)).sort()).toHaveLength(6);
    expect(await readdir(studies)).not.toContain(name);
  });

  it('does not duplicate a record whose page no longer validates', async () => {
    await runIngest(dir, false, quiet, quiet);
    const studies = join(dir, 'content', 'studies');
    const [name] = (await readdir(studies)).sort();
    const broken = (await readFile(join(studies, name!), 'utf8')).replace('status: pending', 'status: maybe');
    await writeFile(join(studies, name!), broken);
    await runIngest(dir, false, quiet, quiet);
    expect(await readdir(studies)).toHaveLength(6);
    expect(await readFile(join(studies, name!), 'utf8')).toBe(broken);
  });

  it('--check exits 1 listing records without a page, and 0 once all have one', async () => {
    const warnings: string[] = [];
    expect(await runIngest(dir, true, quiet, (w) => warnings.push(w))).toBe(1);
    expect(warnings).toHaveLength(6);
    expect(warnings[0]).toMatch(/^content\/sources\/000_185ae1a7dc3493b2\.txt:5: record 1 \(doi:10\.1101\/2024\.04\.16\.24305936\) has no page/);
    expect(await readdir(join(dir, 'content'))).not.toContain('studies');
    await runIngest(dir, false, quiet, quiet);
    expect(await runIngest(dir, true, quiet, quiet)).toBe(0);
  });

  it('reports an unparseable block with its source file and line and exits non-zero', async () => {
    await writeFile(join(dir, 'content', 'sources', '001_broken.txt'), 'BMC Oral Health\nSeptember 2025\nAim: Text.\nhttp://example.org | broken\n');
    const warnings: string[] = [];
    expect(await runIngest(dir, false, quiet, (w) => warnings.push(w))).toBe(1);
    expect(warnings).toEqual([expect.stringMatching(/^content\/sources\/001_broken\.txt:4: malformed link-table row/)]);
    expect(Object.keys(await snapshot(dir))).toHaveLength(7);
  });

  it('leaves the committed, curated pages untouched and creates nothing for the seed', async () => {
    await cp(join(ROOT, 'content', 'studies'), join(dir, 'content', 'studies'), { recursive: true });
    const before = await snapshot(dir);
    const lines: string[] = [];
    expect(await runIngest(dir, false, (l) => lines.push(l), quiet)).toBe(0);
    expect(await snapshot(dir)).toEqual(before);
    expect(lines.at(-1)).toBe('ingest: 6 records, 0 pages created, 6 already present, 0 duplicates, 0 problems');
  });

  it('makes one page for the same study listed twice', async () => {
    const seed = await readFile(join(dir, 'content', 'sources', '000_185ae1a7dc3493b2.txt'), 'utf8');
    await writeFile(join(dir, 'content', 'sources', '001_again.txt'), seed);
    const lines: string[] = [];
    await runIngest(dir, false, (l) => lines.push(l), quiet);
    expect(Object.keys(await snapshot(dir))).toHaveLength(6);
    expect(lines.at(-1)).toBe('ingest: 12 records, 6 pages created, 0 already present, 6 duplicates, 0 problems');
  });
});
