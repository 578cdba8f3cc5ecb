import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { laterChanges, queriesFor, stateAfter } from '../../../scripts/bench/explore.ts';
import { SCHEMA, estimatesTableQuery, matchQuery, studiesTableQuery, tablesTableQuery, versionQuery } from '../../../src/lib/explore/sql.ts';
import { busiestTableOutcome, jsCosts } from '../../../scripts/bench/decompose.ts';
import { writeSyntheticDatabase } from '../../../scripts/bench/big-table.ts';
import { nodeView } from '../../../scripts/bench/explore-view.ts';
import { readReview } from '../../../scripts/lib/content-fs.ts';
import { STATUSES } from '../../../src/lib/schema/index.ts';
import { syntheticTables } from '../../../scripts/bench/lib/synthetic/tables.ts';
import { JOURNALS } from '../../../scripts/bench/lib/synthetic/text.ts';
import type { Review } from '../../../src/lib/schema/index.ts';
import { ROOT } from '../../helpers.ts';

let review: Review;
let dir: string;
let vocabulary: { outcomes: string[]; measures: string[]; journals: string[]; statuses: string[] };

beforeAll(async () => {
  review = await readReview(ROOT);
  dir = await mkdtemp(join(tmpdir(), 'bench-later-'));
  await writeSyntheticDatabase(dir, 4000, review.outcomes, 2);
  vocabulary = { outcomes: review.outcomes.map((o) => o.id), measures: ['AUC', 'sensitivity', 'specificity', 'accuracy'], journals: [...JOURNALS].sort(), statuses: [...STATUSES] };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the bench's later filter changes", () => {
  it('go back to the held outcome after the sweep over outcomes, once, and only to an outcome the page offers', () => {
    const plain = laterChanges(vocabulary);
    const held = laterChanges(vocabulary, 'native-t1');
    expect(held).toHaveLength(plain.length + 1);
    expect(held[8]).toEqual({ name: 'outcome', value: 'native-t1' });
    expect([...held.slice(0, 8), ...held.slice(9)]).toEqual(plain);
    expect(laterChanges(vocabulary, vocabulary.outcomes[7]!)).toEqual(plain);
    expect(laterChanges(vocabulary, 'not-an-outcome')).toEqual(plain);
  });

  it("time on the floor page the statements the page runs: the columns and the match on the first filter, the match alone later, none for no filter", () => {
    const state = stateAfter([{ name: 'outcome', value: 'native-t1' }, { name: 'journal', value: vocabulary.journals[0]! }], vocabulary);
    expect(queriesFor(state, false)).toEqual([matchQuery(state)]);
    expect(queriesFor(state, true).map((q) => q.sql)).toEqual([studiesTableQuery(), estimatesTableQuery(), tablesTableQuery(), versionQuery(), matchQuery(state)!].map((q) => q.sql));
    expect(queriesFor(stateAfter([{ name: 'outcome', value: '' }], vocabulary), false)).toEqual([]);
  });

  it('hold the outcome with the most 2×2 tables, so the measure, journal and status changes re-pool tables bivariately', async () => {
    const t = syntheticTables(4000, review.outcomes, 2);
    const counts = new Map<string, number>();
    for (const d of t.diagnosticTables) counts.set(d.outcome, (counts.get(d.outcome) ?? 0) + 1);
    const most = Math.max(...counts.values());
    const hold = await busiestTableOutcome(join(dir, 'review.duckdb'));
    expect(counts.get(hold!)).toBe(most);

    const first = { name: 'outcome', value: vocabulary.outcomes[0]! };
    const changes = laterChanges(vocabulary, hold);
    const all = [first, ...changes];
    const states = changes.map((_, i) => stateAfter(all.slice(0, i + 2), vocabulary));
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      await conn.run(`ATTACH '${join(dir, 'review.duckdb')}' AS ${SCHEMA} (READ_ONLY)`);
      const tables: number[] = [];
      for (const s of states) tables.push((await nodeView(conn, s)).dta.reduce((n, d) => n + d.rows.length, 0));
      // Measure AUC keeps no table; sensitivity, specificity and a journal keep (some of) the held outcome's.
      const byChange = changes.map((c, i) => [`${c.name}=${c.value}`, tables[i]!] as const);
      expect(byChange.filter(([c]) => c === 'measure=AUC').map(([, n]) => n)).toEqual([0]);
      for (const c of ['measure=sensitivity', 'measure=specificity', `journal=${vocabulary.journals[0]}`]) expect(byChange.find(([x]) => x === c)![1], c).toBeGreaterThan(0);
      expect(tables.filter((n) => n > 0).length).toBeGreaterThan(states.length / 2);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
    const ctx = { base: '/', outcomeLabels: Object.fromEntries(review.outcomes.map((o) => [o.id, o.label])), total: t.studies.length, groupStudies: {} };
    const costs = await jsCosts(join(dir, 'review.duckdb'), states.slice(8, 10), ctx);
    expect(costs.map((c) => c.tables)).toEqual([counts.get(hold!)!, 0]);
    expect(costs[0]!.dtaMs).toBeGreaterThan(0);
    expect(costs[0]!.dtaMs).toBeLessThanOrEqual(costs[0]!.synthesizeMs);
  });
});
