/** Minimal types for the parts of citation-js 0.8 this site uses (the packages ship none). */
declare module '@citation-js/core' {
  /** A set of references; input is CSL-JSON, BibTeX, RIS… (plugins decide). */
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const plugins: { config: { get(name: string): unknown } };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
