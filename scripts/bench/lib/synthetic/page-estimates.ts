/**
 * Count the estimates of an ingested page from its text, without parsing the YAML: the entries
 * of the frontmatter's `estimates:` list only (a `two_by_two:` entry also starts "- outcome:").
 */

/** The number of entries of the page's `estimates:` list (0 for `estimates: []` or none). */
export function pageEstimateCount(page: string): number {
  const block = /^estimates:\n((?: .*\n)*)/m.exec(page)?.[1] ?? '';
  return (block.match(/^ {2}- /gm) ?? []).length;
}
