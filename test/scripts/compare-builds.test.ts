import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareBuilds, linkNodeModules, type Builder } from '../../scripts/lib/compare-builds.ts';

const dir = mkdtempSync(join(tmpdir(), 'compare-builds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const git = (repo: string, ...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' } }).trim();

/** A tiny project: its "build" copies src/ into the output and records which node_modules it saw. */
function project(): string {
  const repo = join(dir, 'repo');
  mkdirSync(join(repo, 'src'), { recursive: true });
  mkdirSync(join(repo, 'node_modules', 'pkg'), { recursive: true });
  mkdirSync(join(repo, 'node_modules', '.astro'), { recursive: true });
  writeFileSync(join(repo, 'node_modules', 'pkg', 'index.js'), 'export default 1;\n');
  writeFileSync(join(repo, 'node_modules', '.astro', 'data-store.json'), '{"cached":"from the working tree"}');
  writeFileSync(join(repo, '.gitignore'), 'node_modules\n');
  writeFileSync(join(repo, 'src', 'index.html'), '<p>one</p>\n<p>two</p>\n');
  writeFileSync(join(repo, 'src', 'same.css'), 'p{}');
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'first');
  return repo;
}

/** What each build found in its node_modules: [package, Astro cache]. */
const saw: [boolean, boolean][] = [];
const copyBuild: Builder = async (p, out) => {
  cpSync(join(p, 'src'), out, { recursive: true });
  saw.push([existsSync(join(p, 'node_modules', 'pkg', 'index.js')), existsSync(join(p, 'node_modules', '.astro', 'data-store.json'))]);
};

describe('comparing the build of a git ref with the working tree', () => {
  it('links every package of node_modules but not the caches (Astro\'s .astro, Vite\'s .vite)', async () => {
    const from = join(dir, 'nm');
    for (const d of ['a', '@scope/b', '.bin', '.astro', '.vite']) mkdirSync(join(from, d), { recursive: true });
    const to = join(dir, 'nm-linked');
    expect(await linkNodeModules(from, to)).toEqual(['.astro', '.vite']);
    expect(readdirSync(to).sort()).toEqual(['.bin', '@scope', 'a']);
    expect(lstatSync(join(to, 'a')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(to, '@scope'))).toBe(join(from, '@scope'));
  });

  it('reports byte-identical builds, then the files the working tree (uncommitted changes included) added, removed and changed; the worktree is removed', async () => {
    const repo = project();
    const same = await compareBuilds({ repo, ref: 'main', work: join(dir, 'w1'), build: copyBuild });
    expect(same.diff).toEqual({ added: [], removed: [], changed: [] });
    expect(same.files).toEqual({ before: 2, after: 2 });
    expect(readFileSync(join(same.before, 'index.html'), 'utf8')).toBe('<p>one</p>\n<p>two</p>\n');
    // The ref's build (first) saw the packages but not the working tree's Astro cache; the working tree's build sees its own.
    expect(saw).toEqual([[true, false], [true, true]]);
    expect(git(repo, 'worktree', 'list').split('\n')).toHaveLength(1);

    writeFileSync(join(repo, 'src', 'index.html'), '<p>one</p>\n<p>2</p>\n'); // uncommitted: the working tree as it is
    writeFileSync(join(repo, 'src', 'new.svg'), '<svg/>');
    rmSync(join(repo, 'src', 'same.css'));
    const changed = await compareBuilds({ repo, ref: 'main', work: join(dir, 'w2'), build: copyBuild });
    expect(changed.diff).toEqual({ added: ['new.svg'], removed: ['same.css'], changed: ['index.html'] });
    expect(changed.commit).toBe(git(repo, 'rev-parse', 'main'));
  });

  it('refuses a ref that names no commit, and removes the worktree when the ref\'s build fails', async () => {
    const repo = join(dir, 'repo');
    await expect(compareBuilds({ repo, ref: 'no-such-ref', work: join(dir, 'w3'), build: copyBuild })).rejects.toThrow(/no-such-ref is not a commit/);
    const failing: Builder = async () => {
      throw new Error('build failed');
    };
    await expect(compareBuilds({ repo, ref: 'main', work: join(dir, 'w4'), build: failing })).rejects.toThrow('build failed');
    expect(git(repo, 'worktree', 'list').split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'w4', 'ref-tree'))).toBe(false);
  });
});
