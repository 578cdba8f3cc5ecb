/** The GitHub workflows: least-privilege permissions, actions pinned by commit, the PR preview artifact and a real browser. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers.ts';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  id?: string;
}
interface Job {
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const FILES = ['deploy.yml', 'pull-request.yml'];
const text = (name: string) => readFileSync(join(ROOT, '.github', 'workflows', name), 'utf8');
const workflow = (name: string) => parse(text(name)) as Workflow;
const WRITE = (p: Record<string, string> | undefined) => Object.entries(p ?? {}).filter(([, v]) => v === 'write').map(([k]) => k).sort();

describe('the deploy workflow', () => {
  const wf = workflow('deploy.yml');

  it('grants the whole workflow nothing beyond reading the repository', () => {
    expect(wf.permissions).toEqual({ contents: 'read' });
  });

  it('gives pages: write and id-token: write to the deploy job only', () => {
    expect(WRITE(wf.jobs.deploy!.permissions)).toEqual(['id-token', 'pages']);
    for (const [name, job] of Object.entries(wf.jobs)) if (name !== 'deploy') expect(WRITE(job.permissions), name).toEqual([]);
  });

  it('runs no project code in the job that holds the write permissions', () => {
    const steps = wf.jobs.deploy!.steps;
    expect(steps.every((s) => s.run === undefined)).toBe(true);
    expect(steps.map((s) => s.uses?.split('@')[0])).toEqual(['actions/deploy-pages']);
  });
});

describe('the pull-request workflow', () => {
  const wf = workflow('pull-request.yml');
  const job = wf.jobs['check-build-test']!;
  const runs = job.steps.map((s) => s.run ?? '').join('\n');

  it('only reads the repository', () => {
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(WRITE(job.permissions)).toEqual([]);
  });

  it('uploads the built site dist/ as an artifact after the build', () => {
    const build = job.steps.findIndex((s) => s.run === 'npm run build');
    const upload = job.steps.findIndex((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(build).toBeGreaterThan(-1);
    expect(upload).toBeGreaterThan(build);
    expect(job.steps[upload]!.with).toMatchObject({ path: 'dist/', 'if-no-files-found': 'error' });
  });

  it('says in the job summary how to open the preview and appends the data diff against the base branch', () => {
    const summary = job.steps.filter((s) => s.run?.includes('$GITHUB_STEP_SUMMARY')).map((s) => s.run!);
    expect(summary.some((r) => r.includes('npx serve dist') && r.includes('npm run preview') && r.includes('ARTIFACT_URL'))).toBe(true);
    expect(summary.some((r) => r.includes('npm run --silent diff -- "origin/${{ github.base_ref }}"'))).toBe(true);
  });

  it("uses the runner's Google Chrome, not the chromium-browser snap stub, and checks it is there", () => {
    expect(runs).not.toContain('chromium-browser');
    expect(runs).not.toMatch(/apt-get install/);
    expect(job.env?.CHROMIUM_PATH).toBe('/usr/bin/google-chrome');
    expect(runs).toContain('test -x "$CHROMIUM_PATH"');
  });
});

describe('every workflow', () => {
  for (const name of FILES) {
    it(`${name} pins every action by a full commit SHA, with its release tag as a comment`, () => {
      const lines = text(name).split('\n').filter((l) => /^\s*(-\s+)?uses:/.test(l));
      expect(lines.length).toBeGreaterThan(2);
      for (const line of lines) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
      const uses = Object.values(workflow(name).jobs).flatMap((j) => j.steps.flatMap((s) => (s.uses ? [s.uses] : [])));
      expect(uses).toHaveLength(lines.length);
    });

    it(`${name} does not leave the checkout's token in .git/config`, () => {
      for (const job of Object.values(workflow(name).jobs)) {
        for (const s of job.steps.filter((s) => s.uses?.startsWith('actions/checkout@'))) expect(s.with?.['persist-credentials']).toBe(false);
      }
    });
  }
});
