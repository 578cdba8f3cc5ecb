/** /studies/<slug>/cite.ris: the study's RIS record, written by citation-js. */
import type { APIRoute } from 'astro';
import { citationPaths, citationResponse, studyCitation } from '../../../build/cite.ts';
import type { StudyRecord } from '../../../lib/data/tables.ts';

export const getStaticPaths = citationPaths;

export const GET: APIRoute = ({ props }) => citationResponse(studyCitation((props as { record: StudyRecord }).record).ris, 'application/x-research-info-systems');
