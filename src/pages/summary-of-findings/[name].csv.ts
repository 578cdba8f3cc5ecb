/** /summary-of-findings/<outcome>.csv and /summary-of-findings/summary-of-findings.csv: the Summary of Findings as CSV (formula-safe text cells). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSummaryOfFindings, SOF_ALL } from '../../build/summary-of-findings.ts';
import { sofCsv } from '../../lib/grade/sof-csv.ts';
import type { SofOutcome } from '../../lib/grade/summary-of-findings.ts';

export const getStaticPaths = (async () => {
  const sofs = await loadSummaryOfFindings();
  return [{ params: { name: SOF_ALL }, props: { sofs } }, ...sofs.map((s) => ({ params: { name: s.outcome }, props: { sofs: [s] } }))];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(sofCsv((props as { sofs: SofOutcome[] }).sofs), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
