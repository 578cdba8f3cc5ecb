import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDataReport } from '../../scripts/build-data.ts';
import { ROOT } from '../helpers.ts';

let dir = '';
const out = () => join(dir, 'data');
const sha = async (name: string) => createHash('sha256').update(await readFile(join(out(), name))).digest('hex');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'data-key-'));
  await cp(join(ROOT, 'content', 'studies'), join(dir, 'content', 'studies'), { recursive: true });
  await cp(join(ROOT, 'content', 'review.yaml'), join(dir, 'content', 'review.yaml'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run data with its files in place', () => {
  it('keeps them when the rows are those they were written from, and writes them again when a row, or a file, changed', async () => {
    expect((await buildDataReport(dir, out())).written).toBe(true);
    const before = await sha('studies.csv');
    expect((await buildDataReport(dir, out())).written).toBe(false);
    // A body note outside the abstract is not in any table.
    const page = join(dir, 'content', 'studies', '2024-deep-learning-applied-echocardiography-could-predict.mdx');
    await writeFile(page, `${await readFile(page, 'utf8')}\nA curator's note.\n`);
    expect((await buildDataReport(dir, out())).written).toBe(false);
    await writeFile(page, (await readFile(page, 'utf8')).replace(/^title: (.*)$/m, 'title: $1 (revised)'));
    expect((await buildDataReport(dir, out())).written).toBe(true);
    expect(await sha('studies.csv')).not.toBe(before);
    const edited = await sha('studies.csv');
    await writeFile(join(out(), 'studies.csv'), 'tampered\n');
    expect((await buildDataReport(dir, out())).written).toBe(true);
    expect(await sha('studies.csv')).toBe(edited);
  });
});
