import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStudy, parseEstimateFlag } from '../../scripts/new.ts';
import { validateStudySource } from '../../src/lib/content/validate.ts';
import { ROOT } from '../helpers.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'new-'));
  await cp(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('npm run new', () => {
  it('writes a valid page with its estimate, quote and abstract', async () => {
    const file = await createStudy(dir, {
      title: 'Deep learning for wall motion on echocardiography: an external validation',
      doi: '10.1000/xyz.2025.1',
      journal: 'Example Journal',
      published: '2025-10',
      authors: 'A. One; B. Two',
      abstract: 'Background: Echo.\\nResults: The AUC was 0.81 (95% CI 0.75-0.86) for WMA.',
      estimate: ['outcome=wall-motion-abnormality,measure=AUC,label=WMA,value=0.81,ci=0.75-0.86,unit=proportion,quote=The AUC was 0.81 (95% CI 0.75-0.86) for WMA'],
    });
    expect(file).toBe('content/studies/2025-deep-learning-wall-motion-echocardiography-external.mdx');
    const page = validateStudySource(await readFile(join(dir, file), 'utf8'), file, 'x');
    expect(page.problems).toEqual([]);
    expect(page.study).toMatchObject({ key: 'doi:10.1000/xyz.2025.1', title_source: 'curated', authors: ['A. One', 'B. Two'], status: 'pending' });
    expect(page.study!.estimates[0]).toMatchObject({ value: 0.81, ci_low: 0.75, ci_high: 0.86, ci_level: 0.95, source: 'curated' });
    expect(page.sections).toEqual([{ label: 'Background', text: 'Echo.' }, { label: 'Results', text: 'The AUC was 0.81 (95% CI 0.75-0.86) for WMA.' }]);
  });

  it('starts the page as not yet assessed for risk of bias, written out so the author sees the field to fill', async () => {
    const file = await createStudy(dir, { title: 'A new diagnostic accuracy study of wall motion', abstract: 'Results: Sensitivity was high.' });
    const text = await readFile(join(dir, file), 'utf8');
    expect(text).toMatch(/\nrisk_of_bias:\n  tool: not-assessed\n/);
    expect(validateStudySource(text, file, 'x').study!.risk_of_bias).toEqual({ tool: 'not-assessed' });
  });

  it('refuses a page whose quote is not in the abstract or whose outcome is undeclared, and writes nothing', async () => {
    const before = await readdir(join(dir, 'content', 'studies'));
    await expect(
      createStudy(dir, {
        title: 'Broken entry',
        abstract: 'Results: AUC 0.7.',
        estimate: ['outcome=not-an-outcome,measure=AUC,value=0.9,quote=AUC 0.9'],
      }),
    ).rejects.toThrow(/outcome "not-an-outcome" is not declared[\s\S]*quote is not in the abstract/);
    expect(await readdir(join(dir, 'content', 'studies'))).toEqual(before);
  });

  it('refuses a study that already has a page (same DOI)', async () => {
    await expect(createStudy(dir, { title: 'Same preprint again', doi: '10.1101/2024.04.16.24305936' })).rejects.toThrow(/duplicate of content\/studies\/2024-deep-learning/);
  });

  it('parses estimate flags with commas inside the quote', () => {
    expect(parseEstimateFlag('outcome=t2,measure=AUC,value=0.55,ci=0.42 to 0.69,quote=T2 0.553 [0.420, 0.692]')).toMatchObject({ ci_low: 0.42, ci_high: 0.69, quote: 'T2 0.553 [0.420, 0.692]' });
  });
});
