import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataDiff } from '../../scripts/diff.ts';
import { pool, effectFromCI, fromScale } from '../../src/lib/stats/index.ts';
import { otherStudy, reviewText } from '../study-fixtures.ts';

let repo: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' } });
const AUCS: [number, number, number][] = [[0.8, 0.75, 0.85], [0.7, 0.6, 0.79], [0.9, 0.85, 0.94]];

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'diff-repo-'));
  await mkdir(join(repo, 'content', 'studies'), { recursive: true });
  await writeFile(join(repo, 'content', 'review.yaml'), reviewText);
  await writeFile(join(repo, 'content', 'studies', 'a.mdx'), otherStudy(1, AUCS[0]!));
  await writeFile(join(repo, 'content', 'studies', 'b.mdx'), otherStudy(2, AUCS[1]!));
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'two studies');
  await writeFile(join(repo, 'content', 'studies', 'c.mdx'), otherStudy(3, AUCS[2]!));
  git('add', '.');
  git('commit', '-qm', 'third study');
});
afterAll(() => rm(repo, { recursive: true, force: true }));

/** REML + Knapp-Hartung pooled AUC of the given studies, back-transformed (what the site shows). */
function pooledAuc(aucs: [number, number, number][]): { est: string; lo: string; hi: string } {
  const eff = aucs.map(([value, lower, upper]) => effectFromCI({ measure: 'AUC', estimate: value, lower, upper, unit: 'proportion' }));
  const r = pool({ yi: eff.map((e) => e.yi), vi: eff.map((e) => e.vi) }, { method: 'REML', test: 'knha' });
  const f = (x: number) => fromScale('logit', x).toFixed(3);
  return { est: f(r.estimate), lo: f(r.ciLow), hi: f(r.ciHigh) };
}

describe('npm run diff on a two-commit repository', () => {
  it('reports the added study and the pooled-estimate shift computed by pool()', async () => {
    const md = await dataDiff(repo, 'HEAD~1');
    expect(md).toContain('Studies: 1 added, 0 removed, 0 changed.');
    expect(md).toContain('| Another echocardiography study number 3 (`c`) | included |');
    const [b, a] = [pooledAuc(AUCS.slice(0, 2)), pooledAuc(AUCS)];
    const row = md.split('\n').find((l) => l.startsWith('| wall-motion-abnormality | AUC |'));
    expect(row).toMatch(new RegExp(`\\| ${b.est} \\[${b.lo}, ${b.hi}\\], I² [\\d.]+%, k 2 \\| ${a.est} \\[${a.lo}, ${a.hi}\\], I² [\\d.]+%, k 3 \\|`));
    expect(md).toMatch(/\| `c` \| wall-motion-abnormality \| AUC \| WMA \| — \| 0\.9 \\\[0\.85, 0\.94\\\] \| WMA \(AUC 0\.9/);
  });

  it('reports no change against the current commit', async () => {
    expect(await dataDiff(repo, 'HEAD')).toContain('No change to studies, estimates or pooled results.');
  });

  it('names a ref that does not exist', async () => {
    await expect(dataDiff(repo, 'no-such-branch')).rejects.toThrow('"no-such-branch" is not a commit, branch or tag');
  });
});
