/** Measure families, kept free of zod so browser code can import them without pulling the validator (and its eval probe, which the CSP reports) into the bundle. */

/** Measures reported as proportions (0–1, or 0–100 with unit percent); pooled on the logit scale. */
export const PROPORTION_MEASURES: ReadonlySet<string> = new Set(['AUC', 'sensitivity', 'specificity', 'accuracy', 'PPV', 'NPV', 'F1', 'Dice']);
