import { describe, expect, it } from 'vitest';
import { routeCosts } from '../../../../scripts/bench/lib/routes.ts';

describe("astro build's time by kind of output", () => {
  it("sums Astro's per-route times per kind, in ms and s, ignoring colour codes and other lines", () => {
    const log = [
      '16:17:07 [build] generating static routes',
      '16:17:07   ├─ /studies/a/index.html (+12ms) ',
      '16:17:07   ├─ \x1b[2m/studies/b/index.html\x1b[22m \x1b[2m(+8ms)\x1b[22m ',
      '16:17:07   ├─ /studies/a/cite.bib (+1.5s) ',
      '16:17:08   ├─ /embed/study-a-auc/index.html (+2ms) ',
      '16:17:08   ├─ /figures/study-a-auc.svg (+1ms) ',
      '16:17:08   ├─ /figures/study-a-auc.R (+3ms) ',
      '16:17:08   └─ /changes.xml (+14ms) ',
      '16:17:09 [build] 7 page(s) built in 2s',
    ].join('\n');
    expect(routeCosts(log)).toEqual([
      { kind: 'study citation files (bib, ris, json)', files: 1, ms: 1500 },
      { kind: 'study pages', files: 2, ms: 20 },
      { kind: 'other pages and files', files: 1, ms: 14 },
      { kind: 'figure CSV and R files', files: 1, ms: 3 },
      { kind: 'embed pages', files: 1, ms: 2 },
      { kind: 'figure SVG files', files: 1, ms: 1 },
    ]);
  });
});
