/**
 * Study pages read, validated and checked on their own (validateStudyFile + checkPage), cached by
 * content in .cache/content/studies.json: an entry is keyed by the SHA-256 of a stamp of the
 * checking code (src/lib, scripts/lib, package and lock files), content/review.yaml and the page's
 * name and text. A changed page, protocol or checker is read again; the other pages come back
 * from the cache with the same study, sections and problems. Deleting the file is always safe.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Review } from '../../src/lib/schema/index.ts';
import type { BodySection } from '../../src/lib/ingest/mdx.ts';
import { checkPage } from '../../src/lib/content/checks.ts';
import { lazyFieldLines, type ContentProblem, type ValidatedStudy } from '../../src/lib/content/validate.ts';
import { codeStamp } from '../../src/build/page-key-fs.ts';
import { contentPaths, studyFileNames, validateStudyFile } from './content-fs.ts';

/** What the key's stamp covers besides the page: the checking code and the protocol the checks read. */
export const CHECKER_FILES = ['src/lib', 'scripts/lib', 'package.json', 'package-lock.json', 'content/review.yaml'] as const;

/** The cache file, relative to the project root. */
export const STUDY_CACHE = '.cache/content/studies.json';

const VERSION = 1;

interface Entry {
  study: ValidatedStudy['study'];
  sections: BodySection[];
  abstractLine: number | null;
  problems: ContentProblem[];
  /** checkPage's problems. */
  checks: ContentProblem[];
  /** The line every path maps to when the page's layout is broken (no frontmatter to look into). */
  fallbackLine: number;
}

/** Validated pages plus their own checks, for checkContent's `pageChecks`. */
export interface CheckedStudies {
  pages: ValidatedStudy[];
  checks(page: ValidatedStudy): ContentProblem[];
  /** Pages read from the cache / validated now. */
  hits: number;
  misses: number;
}

async function load(file: string): Promise<Record<string, Entry>> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as { version: number; entries: Record<string, Entry> };
    return data.version === VERSION ? data.entries : {};
  } catch {
    return {};
  }
}

/** Read every study page, validated and checked on its own, from the cache where the page, review.yaml and the checker are unchanged. */
export async function readCheckedStudies(root: string, review: Review): Promise<CheckedStudies> {
  const cacheFile = join(root, STUDY_CACHE);
  const [stamp, names, cached] = [codeStamp(root, CHECKER_FILES), await studyFileNames(root), await load(cacheFile)];
  const dir = contentPaths(root).studies;
  const sources = await Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')));
  const next: Record<string, Entry> = {};
  const checks = new Map<ValidatedStudy, ContentProblem[]>();
  let hits = 0;
  const pages = names.map((name, i) => {
    const source = sources[i]!;
    const file = `content/studies/${name}`;
    const key = createHash('sha256').update(stamp).update('\0').update(file).update('\0').update(source).digest('hex');
    let entry = cached[key];
    let page: ValidatedStudy;
    if (entry) {
      hits++;
      page = { slug: name.replace(/\.mdx$/, ''), file, study: entry.study, sections: entry.sections, abstractLine: entry.abstractLine, problems: entry.problems, lineOf: lazyFieldLines(source, entry.fallbackLine) };
    } else {
      page = validateStudyFile(source, file);
      const broken = page.problems.find((p) => p.field === '(page)');
      entry = { study: page.study, sections: page.sections, abstractLine: page.abstractLine, problems: page.problems, checks: checkPage(page, review), fallbackLine: broken?.line ?? 1 };
    }
    next[key] = entry;
    checks.set(page, entry.checks);
    return page;
  });
  const misses = names.length - hits;
  if (misses > 0 || Object.keys(cached).length !== names.length) {
    // Written whole and renamed into place: the build's concurrent readers see the old file or the new one.
    await mkdir(join(root, '.cache', 'content'), { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify({ version: VERSION, entries: next }));
    await rename(tmp, cacheFile);
  }
  return { pages, checks: (p) => checks.get(p) ?? checkPage(p, review), hits, misses };
}
