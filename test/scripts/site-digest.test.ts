import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareManifests, describeDiff, digestDir, firstDifferentLine, formatManifest, isIdentical, isText, parseManifest } from '../../scripts/lib/site-digest.ts';
import { ROOT } from '../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'site-digest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const EMPTY_SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** A small built site: pages, a stylesheet, a binary file, an empty file. */
function site(name: string): string {
  const root = join(dir, name);
  mkdirSync(join(root, 'studies', 'b'), { recursive: true });
  mkdirSync(join(root, '_astro'));
  writeFileSync(join(root, 'index.html'), '<!doctype html>\n<title>Home</title>\n<p>6 studies</p>\n');
  writeFileSync(join(root, 'studies', 'b', 'index.html'), '<p>b</p>\n');
  writeFileSync(join(root, '_astro', 'a.css'), 'p{color:red}');
  writeFileSync(join(root, 'figure.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
  writeFileSync(join(root, 'empty.txt'), '');
  return root;
}

const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts', 'site-digest.ts'), ...args], { encoding: 'utf8' });

describe('the digest of a built site', () => {
  it('lists every file once with its sha256, sorted by relative path, in sha256sum format', async () => {
    const m = await digestDir(site('one'));
    expect(m.map((f) => f.path)).toEqual(['_astro/a.css', 'empty.txt', 'figure.png', 'index.html', 'studies/b/index.html']);
    expect(m.find((f) => f.path === 'empty.txt')!.sha256).toBe(EMPTY_SHA);
    expect(formatManifest(m).split('\n')[1]).toBe(`${EMPTY_SHA}  empty.txt`);
    expect(parseManifest(formatManifest(m))).toEqual(m);
  });

  it('refuses a malformed manifest line, naming it', () => {
    expect(() => parseManifest(`${EMPTY_SHA}  ok\nnot a digest line\n`)).toThrow(/manifest line 2 is not/);
    expect(() => parseManifest(`${EMPTY_SHA.slice(1)}  short\n`)).toThrow(/line 1/);
  });

  it('tells added, removed and changed files apart, and nothing for the same files', async () => {
    const a = await digestDir(site('a'));
    expect(isIdentical(compareManifests(a, await digestDir(site('a-again'))))).toBe(true);
    const b = site('b');
    writeFileSync(join(b, 'index.html'), '<!doctype html>\n<title>Home</title>\n<p>7 studies</p>\n');
    writeFileSync(join(b, 'figure.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 9]));
    rmSync(join(b, 'studies', 'b', 'index.html'));
    writeFileSync(join(b, 'studies', 'c.html'), 'c');
    const d = compareManifests(a, await digestDir(b));
    expect(d).toEqual({ added: ['studies/c.html'], removed: ['studies/b/index.html'], changed: ['figure.png', 'index.html'] });
    expect(await describeDiff(d, { before: join(dir, 'a'), after: b })).toEqual([
      'added (1):',
      '  studies/c.html',
      'removed (1):',
      '  studies/b/index.html',
      'changed (2):',
      '  figure.png (binary, 8 → 6 bytes)',
      '  index.html (line 3)',
      '    - <p>6 studies</p>',
      '    + <p>7 studies</p>',
    ]);
  });

  it('finds the first differing line, and inside a long minified line the part around the first differing character', () => {
    expect(firstDifferentLine('a\nb\nc', 'a\nb\nc')).toBeNull();
    expect(firstDifferentLine('a\nb', 'a\nb\n')).toEqual({ line: 3, before: null, after: '' });
    const long = 'x'.repeat(5000);
    const diff = firstDifferentLine(`${long}A${long}`, `${long}B${long}`, 40)!;
    expect(diff.line).toBe(1);
    expect(diff.before).toBe(`…${'x'.repeat(10)}A${'x'.repeat(29)}…`);
    expect(diff.after).toBe(`…${'x'.repeat(10)}B${'x'.repeat(29)}…`);
  });

  it('treats known text types and NUL-free files as text, anything with a NUL byte as binary', () => {
    expect(isText('a.R', new Uint8Array([0]))).toBe(true);
    expect(isText('a.pf_meta', new TextEncoder().encode('{"x":1}'))).toBe(true);
    expect(isText('figure.png', new Uint8Array([0x89, 0x50, 0, 1]))).toBe(false);
  });
});

describe('node scripts/site-digest.ts', () => {
  it('writes a manifest, checks a site against it (exit 0 / 1 with the paths), and compares two sites with their first differing lines', () => {
    const a = site('cli-a');
    const manifest = join(dir, 'manifest.txt');
    expect(run(a, '--write', manifest).status).toBe(0);
    const same = run(a, '--check', manifest);
    expect([same.status, same.stdout.trim()]).toEqual([0, 'identical: 5 files, each with the same sha256']);
    const b = join(dir, 'cli-b');
    cpSync(a, b, { recursive: true });
    writeFileSync(join(b, '_astro', 'a.css'), 'p{color:blue}');
    const changed = run(b, '--check', manifest);
    expect([changed.status, changed.stdout]).toEqual([1, 'changed (1):\n  _astro/a.css\n']);
    const compared = run(b, '--compare', a);
    expect(compared.status).toBe(1);
    expect(compared.stdout).toBe('changed (1):\n  _astro/a.css (line 1)\n    - p{color:red}\n    + p{color:blue}\n');
    const printed = run(a).stdout.split('\n');
    expect(printed.map((l) => l.slice(66))).toEqual(['_astro/a.css', 'empty.txt', 'figure.png', 'index.html', 'studies/b/index.html', '']);
    expect(printed[1]).toBe(`${EMPTY_SHA}  empty.txt`);
  });

  it('says to build first for an empty or missing folder, and refuses two options at once', () => {
    const r = run(join(dir, 'missing-site'));
    expect(r.status).not.toBe(0);
    mkdirSync(join(dir, 'empty-site'));
    expect(run(join(dir, 'empty-site')).stderr).toMatch(/holds no files: build the site first/);
    expect(run(dir, '--check', 'x', '--compare', 'y').status).toBe(2);
  });
});
