/** /studies/<slug>/cite.json: the study's CSL-JSON record, written by citation-js. */
import type { APIRoute } from 'astro';
import { citationPaths, citationResponse, studyCitation } from '../../../build/cite.ts';
import type { StudyRecord } from '../../../lib/data/tables.ts';

export const getStaticPaths = citationPaths;

export const GET: APIRoute = ({ props }) => citationResponse(studyCitation((props as { record: StudyRecord }).record).csl, 'application/vnd.citationstyles.csl+json');
