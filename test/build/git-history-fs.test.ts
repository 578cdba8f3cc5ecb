import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileLog, readContentHistory } from '../../src/build/git-history-fs.ts';
import { buildTimeline, type Timeline } from '../../src/lib/changes/timeline.ts';
import { renderStudyMdx } from '../../src/lib/ingest/mdx.ts';
import { pool, qnorm } from '../../src/lib/stats/index.ts';
import { ROOT } from '../helpers.ts';

// A two-commit review: studies a and b report a wall-motion AUC; the second commit adds c.
const AUCS = { a: [0.873, 0.816, 0.922], b: [0.8, 0.74, 0.85], c: [0.91, 0.87, 0.94] } as const;
type Slug = keyof typeof AUCS;

function page(slug: Slug): string {
  const [value, lo, hi] = AUCS[slug];
  const quote = `AUC ${value} (95% CI ${lo}-${hi})`;
  const frontmatter = {
    key: `hash:${slug.repeat(16)}`, title: `Study ${slug.toUpperCase()}`, title_source: 'curated', authors: [`Ann ${slug.toUpperCase()}son`], journal: 'Test Journal', published: '2025-09',
    published_source: 'curated', source: { file: 'content/sources/test.txt', line: 1, record: 1 }, abstract_complete: true, status: 'included',
    estimates: [{ outcome: 'wall-motion-abnormality', label: 'WMA', measure: 'AUC', value, ci_low: lo, ci_high: hi, ci_level: 0.95, unit: 'proportion', quote }],
  };
  return renderStudyMdx(frontmatter, [{ label: 'Results', text: `The model detected WMA with ${quote}.` }], 'fixture');
}

/** Expected pooled AUC: REML + Knapp-Hartung on the logit scale, SEs from the 95% CIs. */
function expected(slugs: Slug[]) {
  const logit = (p: number) => Math.log(p / (1 - p));
  const expit = (x: number) => 1 / (1 + Math.exp(-x));
  const z = qnorm(0.975);
  const yi = slugs.map((s) => logit(AUCS[s][0]));
  const vi = slugs.map((s) => ((logit(AUCS[s][2]) - logit(AUCS[s][1])) / (2 * z)) ** 2);
  const r = pool({ yi, vi }, { method: 'REML', test: 'knha', level: 0.95 });
  return { k: r.k, estimate: expit(r.estimate), ciLow: expit(r.ciLow), ciHigh: expit(r.ciHigh), I2: r.I2, tau2: r.tau2 };
}

let repo: string;
const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], { stdio: 'pipe' }).toString().trim();
const commit = (message: string, date: string) =>
  execFileSync('git', ['-C', repo, '-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message], {
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
const write = (slug: string, text: string) => writeFileSync(join(repo, 'content', 'studies', `${slug}.mdx`), text);
const history = async (): Promise<Timeline> => buildTimeline(await readContentHistory(repo));
let first: string;
let second: string;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'history-'));
  git('init', '-q');
  mkdirSync(join(repo, 'content', 'studies'), { recursive: true });
  cpSync(join(ROOT, 'content', 'review.yaml'), join(repo, 'content', 'review.yaml'));
  write('a', page('a'));
  write('b', page('b'));
  git('add', '.');
  commit('Two studies', '2025-10-01T10:00:00+00:00');
  first = git('rev-parse', 'HEAD');
  write('c', page('c'));
  git('add', '.');
  commit('Add study C', '2025-10-08T10:00:00+00:00');
  second = git('rev-parse', 'HEAD');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('the changes history of a two-commit repository', () => {
  it('lists one update per commit, newest first, and reports the added study', async () => {
    const t = await history();
    expect(t.available).toBe(true);
    expect(t.updates.map((u) => u.commit)).toEqual([second, first]);
    expect(t.updates[0]!.diff.added.map((s) => s.slug)).toEqual(['c']);
    expect(t.updates[0]!.diff.changed).toEqual([]);
    expect(t.updates[1]!.diff.added.map((s) => s.slug)).toEqual(['a', 'b']);
    expect(t.updates[1]!.diff.searches).toHaveLength(1);
  });

  it("moves the pooled AUC exactly as pool() does before and after (REML + Knapp-Hartung, logit scale)", async () => {
    const [shift] = (await history()).updates[0]!.diff.outcomes;
    expect(shift!.outcome).toBe('wall-motion-abnormality');
    expect(shift!.measure).toBe('AUC');
    for (const [state, slugs] of [[shift!.before, ['a', 'b']], [shift!.after, ['a', 'b', 'c']]] as const) {
      const want = expected([...slugs]);
      expect(state!.pooled!.k).toBe(want.k);
      for (const key of ['estimate', 'ciLow', 'ciHigh', 'I2', 'tau2'] as const) expect(state!.pooled![key]).toBeCloseTo(want[key], 12);
    }
    expect(shift!.after!.pooled!.estimate).not.toBeCloseTo(shift!.before!.pooled!.estimate, 6);
  });

  it('dates each study page from the commits that added and last changed it', async () => {
    const t = await history();
    expect(t.studies.a).toEqual({ added: { commit: first, date: '2025-10-01T10:00:00+00:00' }, changed: { commit: first, date: '2025-10-01T10:00:00+00:00' }, state: 'committed' });
    expect(t.studies.c!.added!.commit).toBe(second);
  });

  it('shows uncommitted pages as unpublished changes and "not yet committed"', async () => {
    write('d', page('a').replace('hash:aaaaaaaaaaaaaaaa', 'hash:dddddddddddddddd').replace('Study A', 'Study D'));
    write('b', page('b').replace('Test Journal', 'Another Journal'));
    try {
      const t = await history();
      const [top] = t.updates;
      expect(top!.published).toBe(false);
      expect(top!.diff.added.map((s) => s.slug)).toEqual(['d']);
      expect(top!.diff.changed.map((s) => [s.slug, s.fields])).toEqual([['b', ['journal']]]);
      expect(t.studies.d).toEqual({ added: null, changed: null, state: 'new' });
      expect(t.studies.b!.state).toBe('modified');
    } finally {
      rmSync(join(repo, 'content', 'studies', 'd.mdx'));
      write('b', page('b'));
    }
  });

  it('follows a renamed page: an edit, not a removal and an addition, and its added date stays', async () => {
    git('mv', 'content/studies/b.mdx', 'content/studies/b-renamed.mdx');
    commit('Rename b', '2025-10-09T10:00:00+00:00');
    try {
      const t = await history();
      expect(t.updates[0]!.diff).toMatchObject({ added: [], removed: [], changed: [{ slug: 'b-renamed', renamedFrom: 'b', fields: ['slug'] }], outcomes: [] });
      expect(t.studies['b-renamed']!.added!.commit).toBe(first);
      // The one-pass history agrees with `git log --follow` on the renamed page…
      const log = fileLog(repo, 'content/studies/b-renamed.mdx');
      expect([t.studies['b-renamed']!.changed!.commit, t.studies['b-renamed']!.added!.commit]).toEqual([log[0]!.commit, log.at(-1)!.commit]);
      // …but not on c: --follow also detects copies, takes the new page c for a copy of the
      // look-alike page a and dates it from a's first commit. Renames only (-M) keep c's own date.
      expect(fileLog(repo, 'content/studies/c.mdx').at(-1)!.commit).toBe(first);
      expect(t.studies.c!.added!.commit).toBe(second);
    } finally {
      git('reset', '-q', '--hard', second);
    }
  });

  it('falls back to "no history" outside a git checkout', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'no-git-'));
    try {
      cpSync(join(repo, 'content'), join(plain, 'content'), { recursive: true });
      const t = buildTimeline(await readContentHistory(plain));
      expect(t.available).toBe(false);
      expect(t.updates).toEqual([]);
      expect(Object.values(t.studies).map((s) => s.state)).toEqual(['no-history', 'no-history', 'no-history']);
      expect(readFileSync(join(plain, 'content', 'studies', 'a.mdx'), 'utf8')).toBe(page('a'));
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
