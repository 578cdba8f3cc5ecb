/** npm run data when a writer fails after some outputs were written: the previous data/ stays as it was. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.ts';
import { DATA_FILES } from '../../scripts/lib/duckdb-tables.ts';

const failManifest = vi.hoisted(() => ({ now: false }));
vi.mock('../../scripts/lib/data-manifest.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../scripts/lib/data-manifest.ts')>();
  return {
    ...real,
    writeManifest: async (dir: string) => {
      if (failManifest.now) throw new Error('simulated failure after the tables were written');
      return real.writeManifest(dir);
    },
  };
});
const { buildData } = await import('../../scripts/build-data.ts');

let out: string;
let changed: string;
const before = new Map<string, Buffer>();

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'data-atomic-'));
  await buildData(ROOT, out);
  for (const n of await readdir(out)) before.set(n, await readFile(join(out, n)));
  // The failing run reads a changed project, so every table it writes differs from the old one.
  changed = await mkdtemp(join(tmpdir(), 'data-atomic-root-'));
  await cp(join(ROOT, 'content'), join(changed, 'content'), { recursive: true });
  const page = join(changed, 'content', 'studies', '2024-deep-learning-applied-echocardiography-could-predict.mdx');
  await writeFile(page, (await readFile(page, 'utf8')).replace(/^title: .*$/m, 'title: A changed title').replace('value: 0.873', 'value: 0.874'));
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
  await rm(changed, { recursive: true, force: true });
});

describe('an npm run data that fails mid-way', () => {
  it('fails, after the tables (but not the manifest) were written', async () => {
    failManifest.now = true;
    await expect(buildData(changed, out)).rejects.toThrow('simulated failure');
    failManifest.now = false;
  });

  it('leaves every earlier data file byte for byte as it was', async () => {
    expect([...before.keys()].sort()).toEqual([...DATA_FILES, 'manifest.json'].sort());
    for (const [n, bytes] of before) expect((await readFile(join(out, n))).equals(bytes), n).toBe(true);
  });

  it('leaves no temporary file or folder in data/', async () => {
    expect((await readdir(out)).sort()).toEqual([...before.keys()].sort());
  });

  it('replaces the files once the run succeeds', async () => {
    await buildData(changed, out);
    expect(await readFile(join(out, 'studies.csv'), 'utf8')).toContain('A changed title');
    expect((await readdir(out)).sort()).toEqual([...before.keys()].sort());
  });
});
