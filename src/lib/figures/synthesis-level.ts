/** The CI level of the site's syntheses (model.ts calls synthesize with its defaults). */
export const SYNTHESIS_LEVEL = 0.95;
