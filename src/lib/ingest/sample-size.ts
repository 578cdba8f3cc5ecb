/**
 * Read sample sizes ("1,453 adult patients", "CBCT scans of 37 patients") out of abstract
 * text: an integer, up to three modifier words, then a countable noun.
 */

/** A sample size read from text, with the exact quote and its offset. */
export interface ExtractedSampleSize {
  n: number;
  unit: string;
  quote: string;
  start: number;
}

/** Nouns (singular) that name people taking part in a study. */
const PEOPLE = ['patient', 'participant', 'subject', 'individual', 'adult', 'child', 'woman', 'man', 'person', 'volunteer', 'infant', 'neonate', 'adolescent'];

/** Countable nouns, plural → singular. */
const PLURALS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    patients: 'patient', participants: 'participant', subjects: 'subject', individuals: 'individual', adults: 'adult',
    children: 'child', women: 'woman', men: 'man', people: 'person', persons: 'person', volunteers: 'volunteer',
    infants: 'infant', neonates: 'neonate', adolescents: 'adolescent', cases: 'case', controls: 'control', studies: 'study',
    exams: 'exam', examinations: 'examination', images: 'image', radiographs: 'radiograph', scans: 'scan', videos: 'video',
    centers: 'center', centres: 'centre', hospitals: 'hospital', sites: 'site', eyes: 'eye', teeth: 'tooth', lesions: 'lesion',
    records: 'record', trials: 'trial', cohorts: 'cohort', readers: 'reader', radiologists: 'radiologist',
    clinicians: 'clinician', physicians: 'physician', slides: 'slide', specimens: 'specimen', samples: 'sample',
    nodules: 'nodule', tumors: 'tumor', tumours: 'tumour', fractures: 'fracture', echocardiograms: 'echocardiogram',
    mammograms: 'mammogram', ecgs: 'ecg', electrocardiograms: 'electrocardiogram', photographs: 'photograph',
    datasets: 'dataset', articles: 'article', visits: 'visit', encounters: 'encounter', admissions: 'admission',
    pregnancies: 'pregnancy', institutions: 'institution', clinics: 'clinic', countries: 'country', teams: 'team',
  }),
);
/** Singular forms count only after "1" ("1 patient"); elsewhere they modify ("5,367 radiograph exams"). */
const SINGULARS: ReadonlySet<string> = new Set(PLURALS.values());

const PEOPLE_SET: ReadonlySet<string> = new Set(PEOPLE);

/** Words that cannot sit between a count and its noun ("3 of the 37 patients" counts 37). */
const NOT_MODIFIERS = new Set([
  'of', 'the', 'a', 'an', 'and', 'or', 'to', 'in', 'for', 'with', 'from', 'by', 'at', 'on', 'per', 'than', 'vs', 'versus',
  'were', 'was', 'are', 'is', 'had', 'have', 'who', 'which', 'that', 'these', 'those', 'each', 'every', 'more', 'less',
  'fewer', 'years', 'year', 'months', 'days', 'weeks', 'hours', 'minutes', 'times',
]);

// A count: not glued to a preceding word, number, sign or range dash, and not a decimal, percent or "±".
const COUNT = /(?<![\p{L}\p{N}.,·±\-‐‑–—−/])(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?![\p{L}\p{N}]|[.,·]\d|\s?%|\s?±|[-‐‑–—]\d)/gu;
const WORD = /\s+([\p{L}\p{M}](?:[\p{L}\p{M}\p{N}]|['’‐‑-](?=[\p{L}\p{M}]))*)/uy;

/** Every "<integer> [up to three modifiers] <countable noun>" in `text`, in order. */
export function extractSampleSizes(text: string): ExtractedSampleSize[] {
  if (typeof text !== 'string') return [];
  const out: ExtractedSampleSize[] = [];
  COUNT.lastIndex = 0;
  for (let m = COUNT.exec(text); m; m = COUNT.exec(text)) {
    const n = Number(m[1]!.replace(/,/g, ''));
    if (!Number.isSafeInteger(n) || n <= 0) continue;
    let at = m.index + m[0].length;
    for (let words = 0; words < 4; words++) {
      WORD.lastIndex = at;
      const w = WORD.exec(text);
      if (!w) break;
      const word = w[1]!.toLowerCase();
      at = WORD.lastIndex;
      if (PLURALS.has(word) || (n === 1 && SINGULARS.has(word))) {
        out.push({ n, unit: word, quote: text.slice(m.index, at), start: m.index });
        break;
      }
      if (NOT_MODIFIERS.has(word)) break;
    }
  }
  return out;
}

/** The first sample size that counts people (patients, participants, adults…), or null. */
export function primaryParticipants<T extends { unit: string }>(sizes: readonly T[]): T | null {
  return sizes.find((s) => {
    const unit = s.unit.toLowerCase();
    return PEOPLE_SET.has(PLURALS.get(unit) ?? unit);
  }) ?? null;
}
