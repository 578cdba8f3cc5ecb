import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIngest } from '../../scripts/ingest.ts';
import { runCheck } from '../../scripts/check.ts';
import { validateStudySource } from '../../src/lib/content/validate.ts';
import { ROOT } from '../helpers.ts';

let dir: string;
const log: string[] = [];
const warnings: string[] = [];
let code: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ingest-exports-'));
  await cp(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  for (const f of ['export.ris', 'export.nbib']) await cp(join(ROOT, 'test', 'fixtures', 'sources', f), join(dir, 'content', 'sources', f));
  code = await runIngest(dir, false, (l) => log.push(l), (w) => warnings.push(w));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function page(slugPart: string) {
  const name = (await readdir(join(dir, 'content', 'studies'))).find((n) => n.includes(slugPart))!;
  return validateStudySource(await readFile(join(dir, 'content', 'studies', name), 'utf8'), name, name);
}

describe('ingest of RIS and MEDLINE exports beside the seed listing', () => {
  it('creates pages only for studies not already present, across formats', () => {
    expect(code).toBe(0);
    expect(log.at(-1)).toBe('ingest: 14 records, 5 pages created, 9 already present, 0 duplicates, 2 problems');
  });

  it('recognises the elbow-fracture study in both exports as the curated seed page (same DOI)', () => {
    expect(log.filter((l) => l.startsWith('created')).join('\n')).not.toMatch(/elbow|fractures-around/);
  });

  it('keeps authors with non-ASCII names, keywords-free frontmatter valid, and the export title as title_source: source', async () => {
    const p = await page('interobserver-agreement');
    expect(p.problems).toEqual([]);
    expect(p.study!.title_source).toBe('source');
    expect(p.study!.doi).toBe('10.5555/fixture-nbib-3');
  });

  it('creates a page for a record without an abstract and reports it as a warning with its line', async () => {
    expect(warnings).toEqual([
      expect.stringMatching(/^content\/sources\/export\.nbib:192: warning: record 4 \("Artificial intelligence in fracture care: promise and caution\."\) has no abstract/),
      expect.stringMatching(/^content\/sources\/export\.ris:54: warning: record 3 .* has no abstract/),
    ]);
    const p = await page('fracture-care-promise');
    expect(p.problems).toEqual([]);
    expect(p.study!.abstract_complete).toBe(false);
    expect(p.sections).toEqual([]);
  });

  it('leaves the content valid for the build: check reports no errors, only curation warnings', async () => {
    const problems = await runCheck(dir);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.some((p) => p.message.includes('outcome "sensitivity" is not declared'))).toBe(true);
  });

  it('is idempotent for exports too', async () => {
    const again: string[] = [];
    await runIngest(dir, false, (l) => again.push(l), () => {});
    expect(again.at(-1)).toBe('ingest: 14 records, 0 pages created, 14 already present, 0 duplicates, 2 problems');
  });
});
