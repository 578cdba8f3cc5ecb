/** /summary-of-findings/<outcome>.html and …/summary-of-findings.html: the Summary of Findings as a standalone HTML table (no scripts, no external requests). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSummaryOfFindings, SOF_ALL } from '../../build/summary-of-findings.ts';
import { standaloneSofHtml } from '../../lib/grade/sof-html.ts';
import type { SofOutcome } from '../../lib/grade/summary-of-findings.ts';
import { review } from '../../build/load.ts';
import { readManifest } from '../../build/manifest-fs.ts';

export const getStaticPaths = (async () => {
  const sofs = await loadSummaryOfFindings();
  return [{ params: { name: SOF_ALL }, props: { sofs } }, ...sofs.map((s) => ({ params: { name: s.outcome }, props: { sofs: [s] } }))];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const sofs = (props as { sofs: SofOutcome[] }).sofs;
  const title = sofs.length === 1 ? `Summary of findings: ${sofs[0]!.label}` : `Summary of findings: ${review.short_title}`;
  const html = standaloneSofHtml(sofs, { title, heading: review.short_title, note: `${review.title}. Data version ${readManifest().version}. GRADE certainty from the review authors' judgements; suggestions from the data are shown, never applied.` });
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
