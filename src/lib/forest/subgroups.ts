/**
 * Subgroup forest plots: the rows grouped under one header per subgroup, each subgroup closed by its
 * own pooled diamond (layoutForest calls these only when ForestOptions.subgroups is given, so every
 * other plot is laid out exactly as before).
 */
import type { ForestPooled, ForestRow, ForestSkipped, ForestSubgroup } from './types.ts';
import { intervalOf, pooledSkipReason } from './validate.ts';

/** The subgroups that have rows or a diamond, with their (validated) pooled estimates. */
export interface SubgroupPlan {
  groups: { group: ForestSubgroup; rows: number; pooled: ForestPooled | null }[];
}

/**
 * Sorts the plottable rows into subgroup order in place (stable within a subgroup), skips rows of no
 * declared subgroup and invalid subgroup diamonds with a reason, and returns the plan.
 */
export function prepareSubgroups(good: ForestRow[], subgroups: readonly ForestSubgroup[], scale: 'linear' | 'log', skipped: ForestSkipped[]): SubgroupPlan {
  const order = new Map(subgroups.map((g, i) => [String(g.id), i]));
  const kept: ForestRow[][] = subgroups.map(() => []);
  for (const r of good) {
    const at = r.subgroup === undefined ? undefined : order.get(String(r.subgroup));
    if (at === undefined) skipped.push({ id: String(r.id), label: String(r.label), reason: `not in any subgroup of the plot (subgroup ${JSON.stringify(r.subgroup ?? null)})` });
    else kept[at]!.push(r);
  }
  good.splice(0, good.length, ...kept.flat());
  const groups = subgroups.map((group, i) => {
    let pooled = group.pooled ?? null;
    const reason = pooled && pooledSkipReason(pooled, scale);
    if (pooled && reason) {
      skipped.push({ id: `pooled-${group.id}`, label: String(pooled.label), reason });
      pooled = null;
    }
    return { group, rows: kept[i]!.length, pooled };
  });
  return { groups: groups.filter((g) => g.rows > 0 || g.pooled) };
}

/** Values the axis must cover for the subgroup diamonds. */
export function subgroupValues(plan: SubgroupPlan): number[] {
  return plan.groups.flatMap(({ pooled: p }) => (p ? [p.estimate, p.ciLow, p.ciHigh, ...(intervalOf(p.piLow, p.piHigh) ?? [])] : []));
}

/** Labels the label column must fit: headers and diamond labels. */
export function subgroupLabels(plan: SubgroupPlan): string[] {
  return plan.groups.flatMap(({ group, pooled }) => [String(group.label), ...(pooled ? [String(pooled.label)] : [])]);
}

/** Vertical slots: each header's centre, each row's centre (in sorted row order), each diamond row's top edge, and the bottom. */
export function subgroupSlots(plan: SubgroupPlan, top: number, rowHeight: number, fontSize: number, hasStats: (p: ForestPooled) => boolean): { headers: number[]; rows: number[]; pooledTops: (number | null)[]; bottom: number } {
  let cursor = top;
  const headers: number[] = [];
  const rows: number[] = [];
  const pooledTops: (number | null)[] = [];
  for (const g of plan.groups) {
    headers.push(cursor + rowHeight / 2);
    cursor += rowHeight;
    for (let i = 0; i < g.rows; i++) {
      rows.push(cursor + rowHeight / 2);
      cursor += rowHeight;
    }
    if (g.pooled) {
      pooledTops.push(cursor);
      cursor += rowHeight + (hasStats(g.pooled) ? fontSize + 4 : 0);
    } else pooledTops.push(null);
    cursor += rowHeight / 3;
  }
  return { headers, rows, pooledTops, bottom: cursor };
}
