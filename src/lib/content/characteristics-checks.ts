/**
 * Cross-checks of a page's `characteristics` against the declarations in content/review.yaml: every
 * id is declared, a continuous characteristic is a number, and a categorical one takes one of its
 * declared values (when the review lists them).
 */
import type { Characteristic, CharacteristicValue } from '../schema/characteristics.ts';

/** One problem found, with its frontmatter path. */
export interface CharacteristicProblem {
  path: (string | number)[];
  message: string;
}

const show = (v: CharacteristicValue) => (typeof v === 'string' ? `"${v}"` : String(v));

/** Problems of one page's characteristic values given the declared characteristics. */
export function checkCharacteristics(values: Readonly<Record<string, CharacteristicValue>>, declared: readonly Characteristic[]): CharacteristicProblem[] {
  const byId = new Map(declared.map((c) => [c.id, c]));
  const out: CharacteristicProblem[] = [];
  for (const [id, value] of Object.entries(values)) {
    const path = ['characteristics', id];
    const c = byId.get(id);
    if (!c) {
      const known = declared.length ? `declared: ${declared.map((d) => d.id).join(', ')}` : 'none is declared';
      out.push({ path, message: `characteristic "${id}" is not declared in content/review.yaml (${known}): declare it under characteristics (id, label, type) or remove it here` });
    } else if (c.type === 'continuous') {
      if (typeof value !== 'number') out.push({ path, message: `${show(value)} is not a number: "${id}" (${c.label}) is declared continuous, so give a number such as 12.5` });
    } else if (c.values && !c.values.some((v) => String(v) === String(value))) {
      out.push({ path, message: `${show(value)} is not a declared value of "${id}" (${c.label}): use one of ${c.values.map(show).join(', ')}, or add it to the values in content/review.yaml` });
    }
  }
  return out;
}
