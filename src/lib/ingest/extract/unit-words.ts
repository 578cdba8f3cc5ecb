/**
 * Units and counted things: a number followed by one of these words measures or counts something
 * ("3 radiologists", "72 bpm", "2 ng/mL") and is not an estimate.
 */

/** A number followed by one of these counts or measures something; it is not an estimate. */
export const UNIT_WORDS = new Set([
  'year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'hour', 'hours', 'h', 'hrs', 'minute', 'minutes', 'min',
  'mins', 'second', 'seconds', 'sec', 's', 'ms', 'mm', 'cm', 'm', 'km', 'kg', 'g', 'mg', 'µg', 'mcg', 'ml', 'l', 'bpm', 'beats',
  'mmhg', 'kpa', 'hz', 'khz', 'mhz', 'db', 'kv', 'mas', 'mgy', 'gy', 'msv', 'points', 'point', 'pts', 'times', 'fold', 'patients',
  'patient', 'participants', 'subjects', 'individuals', 'adults', 'children', 'women', 'men', 'people', 'cases', 'controls',
  'studies', 'images', 'scans', 'exams', 'examinations', 'radiographs', 'videos', 'readers', 'radiologists', 'centers', 'centres', 'ng',
  'pg', 'mmol', 'µmol', 'nmol', 'iu', 'u', 'ppb', 'ppm',
  'hospitals', 'sites', 'eyes', 'teeth', 'lesions', 'records', 'trials', 'cohorts', 'slides', 'samples', 'nodules',
]);
