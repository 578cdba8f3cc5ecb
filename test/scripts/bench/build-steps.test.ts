import { describe, expect, it } from 'vitest';
import { BUILD_STEPS } from '../../../scripts/bench/build.ts';

const stepOf = (cmd: string) => BUILD_STEPS.filter((s) => s.match.test(cmd)).map((s) => s.name);

describe('the build steps the bench times', () => {
  it('are recognised from each step process and never from the shell line that names them all', () => {
    expect(stepOf('sh -c npm run check --silent && npm run data --silent && astro build && node scripts/build-png.ts && node scripts/build-pdf.ts && node scripts/build-search.ts')).toEqual([]);
    expect(stepOf('node scripts/check.ts')).toEqual(['check']);
    expect(stepOf('/work/x/node_modules/node/bin/node scripts/build-data.ts')).toEqual(['data']);
    expect(stepOf('node /tmp/site/node_modules/.bin/astro build')).toEqual(['astro build']);
    expect(stepOf('/x/node_modules/node/bin/node /x/node_modules/astro/bin/astro.mjs build')).toEqual(['astro build']);
    expect(stepOf('node scripts/build-site.ts')).toEqual([]);
    expect(stepOf('node scripts/build-png.ts')).toEqual(['png']);
    expect(stepOf('/x/node scripts/build-png.ts --warm')).toEqual(['png warm-up (beside check, data, astro build)']);
    expect(stepOf('node scripts/build-pdf.ts')).toEqual(['pdf']);
    expect(stepOf('/x/node scripts/build-pdf.ts --warm')).toEqual(['pdf warm-up (beside check, data, astro build)']);
    expect(stepOf('node scripts/build-search.ts')).toEqual(['search (Pagefind)']);
  });
});
