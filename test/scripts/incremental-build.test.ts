import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../helpers.ts';

// Every scenario builds a project copy (its own git repository) incrementally, caches kept, then
// again from nothing (caches, data and dist removed), and compares the SHA-256 of every file.
const run = promisify(execFile);
const MINUTES = 60_000;

let dir = '';
let changed = '';
const ADDED = '2026-an-added-page';
const studies = () => join(dir, 'content', 'studies');
const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { stdio: 'pipe' }).toString();

async function build(): Promise<string> {
  // Astro's per-file lines ("… (+12ms)", "(restored)") are written only with colour on; force it, whatever the caller's FORCE_COLOR, and strip the codes.
  const env = { ...process.env, FORCE_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1', SITE_DATA_DIR: join(dir, 'data'), SITE_OUT_DIR: join(dir, 'dist') };
  const { stdout, stderr } = await run(join(ROOT, 'node_modules', '.bin', 'node'), ['scripts/build-site.ts'], { cwd: dir, env, maxBuffer: 1 << 28 });
  return `${stdout}${stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
}

/** Path → SHA-256 of every file of the built site. */
async function siteHashes(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const root = join(dir, 'dist');
  for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    out[path.slice(root.length + 1)] = createHash('sha256').update(await readFile(path)).digest('hex');
  }
  return out;
}

/** Build with the caches kept, then from nothing; returns both sites' hashes and the incremental build's log. */
async function incrementalThenCold(): Promise<{ incremental: Record<string, string>; cold: Record<string, string>; log: string }> {
  const log = await build();
  const incremental = await siteHashes();
  for (const p of ['.cache', 'dist']) await rm(join(dir, p), { recursive: true, force: true });
  for (const n of await readdir(join(dir, 'data'))) if (n !== 'README.md') await rm(join(dir, 'data', n), { recursive: true, force: true });
  await build();
  return { incremental, cold: await siteHashes(), log };
}

/** The study pages Astro copied from its cache in a build log, and those it rendered. */
function studyPages(log: string): { cached: string[]; rendered: string[] } {
  const lines = [...log.matchAll(/\/studies\/([^/\s]+)\/index\.html \((restored|cached|\+[^)]*)\)/g)];
  return {
    cached: lines.filter((m) => m[2] === 'restored' || m[2] === 'cached').map((m) => m[1]!).sort(),
    rendered: lines.filter((m) => m[2]!.startsWith('+')).map((m) => m[1]!).sort(),
  };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'incremental-build-'));
  for (const p of ['src', 'content', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) await cp(join(ROOT, p), join(dir, p), { recursive: true });
  await mkdir(join(dir, 'data'), { recursive: true });
  await cp(join(ROOT, 'data', 'README.md'), join(dir, 'data', 'README.md'));
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  git('init', '-q');
  git('add', 'content');
  git('commit', '-qm', 'The review as it is');
  await build();
}, 10 * MINUTES);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('npm run build after a change, caches kept', () => {
  it('gives the cold build, byte for byte, after a study changed, one was deleted and one added, rendering only those pages', async () => {
    const names = (await readdir(studies())).map((n) => n.replace(/\.mdx$/, '')).sort();
    const deleted = names[1]!;
    changed = names[0]!;
    await writeFile(join(studies(), `${changed}.mdx`), `${await readFile(join(studies(), `${changed}.mdx`), 'utf8')}\nA curator's note added after the first build.\n`);
    const page = (await readFile(join(studies(), `${deleted}.mdx`), 'utf8')).replace(/^key: .*$/m, 'key: hash:incrementaltest01').replace(/^title: .*$/m, 'title: "A page added after the first build"');
    await writeFile(join(studies(), `${ADDED}.mdx`), page);
    await rm(join(studies(), `${deleted}.mdx`));
    const { incremental, cold, log } = await incrementalThenCold();
    expect(incremental).toEqual(cold);
    const pages = studyPages(log);
    expect(pages.rendered).toEqual([ADDED, changed].sort());
    expect(pages.cached).toEqual(names.slice(2));
    expect(Object.keys(incremental).filter((p) => p.includes(deleted))).toEqual([]);
  }, 15 * MINUTES);

  it('gives the cold build after the changes are committed, rendering the pages whose git dates moved', async () => {
    git('add', '-A', 'content');
    git('commit', '-qm', 'Curate, add and delete pages');
    const { incremental, cold, log } = await incrementalThenCold();
    expect(incremental).toEqual(cold);
    expect(studyPages(log).rendered).toEqual([ADDED, changed].sort());
  }, 15 * MINUTES);

  it('gives the cold build after content/review.yaml changed, rendering every study page again', async () => {
    const file = join(dir, 'content', 'review.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^short_title: "(.*)"$/m, 'short_title: "$1 (updated)"'));
    expect(await readFile(file, 'utf8')).toContain('(updated)"');
    const { incremental, cold, log } = await incrementalThenCold();
    expect(incremental).toEqual(cold);
    expect(studyPages(log).cached).toEqual([]);
    expect(studyPages(log).rendered.length).toBe((await readdir(studies())).length);
  }, 15 * MINUTES);

  it('gives the cold build after the code changed, rendering every study page again', async () => {
    const file = join(dir, 'src', 'components', 'StudyHistory.astro');
    await writeFile(file, (await readFile(file, 'utf8')).replace('<dt>Last changed</dt>', '<dt>Last changed on</dt>'));
    expect(await readFile(file, 'utf8')).toContain('Last changed on');
    const { incremental, cold, log } = await incrementalThenCold();
    expect(incremental).toEqual(cold);
    expect(studyPages(log).cached).toEqual([]);
  }, 15 * MINUTES);
});
