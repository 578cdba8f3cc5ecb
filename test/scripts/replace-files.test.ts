import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replaceFiles, STAGING_PREFIX, sweepStaging } from '../../scripts/lib/replace-files.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'replace-files-'));
  await writeFile(join(dir, 'a.csv'), 'old a');
  await writeFile(join(dir, 'b.csv'), 'old b');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('replacing generated files all or nothing', () => {
  it('renames every written file over the old one and leaves no staging folder', async () => {
    await replaceFiles(dir, async (staging) => {
      await writeFile(join(staging, 'a.csv'), 'new a');
      await writeFile(join(staging, 'b.csv'), 'new b');
      return ['a.csv', 'b.csv'];
    });
    expect(await readFile(join(dir, 'a.csv'), 'utf8')).toBe('new a');
    expect(await readFile(join(dir, 'b.csv'), 'utf8')).toBe('new b');
    expect((await readdir(dir)).sort()).toEqual(['a.csv', 'b.csv']);
  });

  it('writes into a staging folder inside the target folder (same file system), never into the target itself', async () => {
    let seen = '';
    await replaceFiles(dir, async (staging) => {
      seen = staging;
      expect(staging.startsWith(join(dir, STAGING_PREFIX))).toBe(true);
      await writeFile(join(staging, 'a.csv'), 'new a');
      expect(await readFile(join(dir, 'a.csv'), 'utf8')).toBe('old a');
      return ['a.csv'];
    });
    expect(seen).not.toBe('');
  });

  it('leaves the old files intact and removes its temporary files when a writer fails mid-way', async () => {
    await expect(
      replaceFiles(dir, async (staging) => {
        await writeFile(join(staging, 'a.csv'), 'new a');
        await writeFile(join(staging, 'b.csv'), 'half of new b');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await readFile(join(dir, 'a.csv'), 'utf8')).toBe('old a');
    expect(await readFile(join(dir, 'b.csv'), 'utf8')).toBe('old b');
    expect((await readdir(dir)).sort()).toEqual(['a.csv', 'b.csv']);
  });

  it('refuses to rename anything when a promised file was not written', async () => {
    await expect(
      replaceFiles(dir, async (staging) => {
        await writeFile(join(staging, 'a.csv'), 'new a');
        return ['a.csv', 'b.csv'];
      }),
    ).rejects.toThrow('did not write b.csv');
    expect(await readFile(join(dir, 'a.csv'), 'utf8')).toBe('old a');
    expect((await readdir(dir)).sort()).toEqual(['a.csv', 'b.csv']);
  });

  it("sweeps staging folders of runs that were killed, but not a live run's", async () => {
    const dead = join(dir, `${STAGING_PREFIX}999999999-abc123`);
    const live = join(dir, `${STAGING_PREFIX}${process.ppid}-def456`);
    for (const d of [dead, live]) {
      await mkdir(d);
      await writeFile(join(d, 'a.csv'), 'partial');
    }
    expect(await sweepStaging(dir)).toEqual([`${STAGING_PREFIX}999999999-abc123`]);
    expect((await readdir(dir)).sort()).toEqual([`${STAGING_PREFIX}${process.ppid}-def456`, 'a.csv', 'b.csv']);
  });
});
