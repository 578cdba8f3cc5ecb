/** /studies/<slug>/cite.bib: the study's BibTeX record, written by citation-js. */
import type { APIRoute } from 'astro';
import { citationPaths, citationResponse, studyCitation } from '../../../build/cite.ts';
import type { StudyRecord } from '../../../lib/data/tables.ts';

export const getStaticPaths = citationPaths;

export const GET: APIRoute = ({ props }) => citationResponse(studyCitation((props as { record: StudyRecord }).record).bibtex, 'application/x-bibtex');
