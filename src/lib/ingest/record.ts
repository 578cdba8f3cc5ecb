/**
 * The format-independent record every source parser (listing, RIS, MEDLINE/nbib) produces;
 * ingest turns it into a study page.
 */

/** A labelled (or unlabelled) paragraph of an abstract, verbatim, with its source line. */
export interface Section {
  label: string | null;
  text: string;
  line: number;
}

/** A link given by the source, e.g. the PMC or DOI link of a listing. */
export interface SourceLink {
  url: string;
  label: string;
  line: number;
}

/** One record found in a source file. Fields a format does not carry are null or empty. */
export interface SourceRecord {
  /** 1-based position of the record in its source file. */
  index: number;
  /** Line where the record starts. */
  line: number;
  journal: string | null;
  /** The date as the source writes it ("September 2025", "2025 Sep 8"). */
  dateText: string | null;
  affiliation: string | null;
  sections: Section[];
  links: SourceLink[];
  /** Title given by the source (exports carry one; listings do not). */
  title?: string | null;
  authors?: string[];
  keywords?: string[];
  doi?: string | null;
  pmid?: string | null;
  pmcid?: string | null;
}

/** A piece of a source that could not be understood; never dropped silently. */
export interface SourceProblem {
  file: string;
  line: number;
  message: string;
  /** 'warning' for problems that lose nothing (e.g. a record without an abstract still gets its page); default 'error'. */
  severity?: 'error' | 'warning';
}

/** What a source parser returns. */
export interface ParsedSource {
  records: SourceRecord[];
  problems: SourceProblem[];
}
