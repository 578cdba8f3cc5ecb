import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIngest, type PageWriter } from '../../scripts/ingest.ts';
import { runCheck } from '../../scripts/check.ts';
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

const FIXTURES = join(ROOT, 'test', 'fixtures', 'sources', 'importer');

/** A throwaway project: review.yaml and the given source files, no pages. */
async function projectWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ingest-importer-'));
  await cp(join(ROOT, 'content', 'review.yaml'), join(dir, 'content', 'review.yaml'));
  await mkdir(join(dir, 'content', 'sources'), { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, 'content', 'sources', name), text);
  return dir;
}

const pageNames = async (dir: string): Promise<string[]> => (await readdir(join(dir, 'content', 'studies')).catch(() => [] as string[])).sort();

describe('npm run ingest on other tools\' exports', () => {
  let dir: string;
  beforeEach(async () => {
    const names = (await readdir(FIXTURES)).filter((n) => !n.endsWith('.md'));
    dir = await projectWith(Object.fromEntries(await Promise.all(names.map(async (n) => [n, await readFile(join(FIXTURES, n), 'utf8')] as const))));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('creates a page per record (none merged without evidence), then nothing on a second run', async () => {
    const log: string[] = [];
    await runIngest(dir, false, (l) => log.push(l), quiet);
    expect(log.at(-1)).toMatch(/^ingest: 24 records, 23 pages created, 0 already present, 1 duplicates, \d+ problems$/);
    expect(await pageNames(dir)).toHaveLength(23);
    const again: string[] = [];
    await runIngest(dir, false, (l) => again.push(l), quiet);
    expect(again.at(-1)).toMatch(/^ingest: 24 records, 0 pages created, 24 already present, 0 duplicates, \d+ problems$/);
  });

  it('warns when a later export brings a title-only record with the title of an existing title-only page', async () => {
    await runIngest(dir, false, quiet, quiet);
    const later = 'TY  - JOUR\nTI  - Erratum\nAU  - Novak, Petra\nT2  - Clinical Radiology\nPY  - 2023\nER  - \n';
    await writeFile(join(dir, 'content', 'sources', 'zz_later.ris'), later);
    const warnings: string[] = [];
    await runIngest(dir, false, quiet, (w) => warnings.push(w));
    const same = warnings.filter((w) => w.includes('has the same title as'));
    expect(same).toEqual([
      expect.stringContaining(
        'content/sources/zz_later.ris:1: warning: record 1 ("Erratum") at content/sources/zz_later.ris:1 has the same title as content/sources/same-title.ris:1 (content/studies/2021-erratum.mdx), content/sources/same-title.ris:9 (content/studies/2021-erratum-2.mdx)',
      ),
    ]);
    expect(await pageNames(dir)).toContain('2023-erratum.mdx');
  });

  it('names a 0000-dated record without the year and writes no 0000 slug', async () => {
    await runIngest(dir, false, quiet, quiet);
    const names = await pageNames(dir);
    expect(names).toContain('undated-automated-scoring-knee-osteoarthritis-radiographs-convolutional.mdx');
    expect(names.filter((n) => n.startsWith('0000'))).toEqual([]);
  });

  it('leaves content that check accepts, pointing at the <Abstract> line of a page without an abstract', async () => {
    await runIngest(dir, false, quiet, quiet);
    const problems = await runCheck(dir);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const file = 'content/studies/2021-erratum.mdx';
    const text = await readFile(join(dir, file), 'utf8');
    const abstractLine = text.split('\n').indexOf('<Abstract>') + 1;
    expect(problems.filter((p) => p.file === file && p.message.includes('no abstract'))).toEqual([
      {
        file,
        line: abstractLine,
        field: '<Abstract>',
        severity: 'warning',
        message: 'the page has no abstract, so estimates cannot be checked against it: paste the abstract from the paper between <Abstract> and </Abstract>, and set abstract_complete: true when it is complete',
      },
    ]);
    expect(problems.some((p) => p.file === file && p.field === 'key')).toBe(false);
  });
});

describe('npm run ingest on very long titles', () => {
  let dir: string;
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const record = (title: string, i: number): string => `TY  - JOUR\nTI  - ${title}\nPY  - 2025\nDO  - 10.5555/long-${i}\nAB  - Abstract number ${i}.\nER  - \n`;

  it('writes pages with slugs of at most 80 characters for a 300-character word and a 1 MB title, without crashing', async () => {
    const text = [record('Short title first', 0), record('z'.repeat(300), 1), record('w'.repeat(1024 * 1024), 2), record(`${'word '.repeat(100)}end`, 3)].join('\n');
    dir = await projectWith({ '001_long.ris': text });
    const warnings: string[] = [];
    expect(await runIngest(dir, false, quiet, (w) => warnings.push(w))).toBe(0);
    const names = await pageNames(dir);
    expect(names).toHaveLength(4);
    for (const n of names) expect(n.replace(/\.mdx$/, '').length).toBeLessThanOrEqual(80);
    expect(warnings).toEqual([expect.stringMatching(/^content\/sources\/001_long\.ris:15: warning: record 3 .* has a title of 1,048,576 characters/)]);
  });

  it('writes nothing when a write fails, removing the pages this run had written, and names the record', async () => {
    const text = [0, 1, 2, 3].map((i) => record(`Title number ${i}`, i)).join('\n');
    dir = await projectWith({ '001_four.ris': text });
    let writes = 0;
    const failOnThird: PageWriter = async (path, content) => {
      if (++writes === 3) throw Object.assign(new Error(`ENAMETOOLONG: name too long, open '${path}'`), { code: 'ENAMETOOLONG' });
      await writeFile(path, content, { flag: 'wx' });
    };
    const log: string[] = [];
    const warnings: string[] = [];
    expect(await runIngest(dir, false, (l) => log.push(l), (w) => warnings.push(w), failOnThird)).toBe(1);
    expect(await readdir(join(dir, 'content'))).not.toContain('studies');
    expect(warnings).toEqual([expect.stringMatching(/^content\/sources\/001_four\.ris:15: record 3: could not write content\/studies\/2025-title-number-2\.mdx: ENAMETOOLONG/)]);
    expect(log).toEqual(['ingest: wrote nothing: the write for content/sources/001_four.ris:15 failed, so the 2 pages this run had written were removed']);
  });

  it('keeps the pages of earlier runs when a later run is undone', async () => {
    dir = await projectWith({ '001_one.ris': record('The first run', 0) });
    await runIngest(dir, false, quiet, quiet);
    const before = await pageNames(dir);
    await writeFile(join(dir, 'content', 'sources', '002_two.ris'), [1, 2].map((i) => record(`Second run ${i}`, i)).join('\n'));
    let writes = 0;
    const failOnSecond: PageWriter = async (path, content) => {
      if (++writes === 2) throw new Error('disk full');
      await writeFile(path, content, { flag: 'wx' });
    };
    expect(await runIngest(dir, false, quiet, quiet, failOnSecond)).toBe(1);
    expect(await pageNames(dir)).toEqual(before);
  });
});
