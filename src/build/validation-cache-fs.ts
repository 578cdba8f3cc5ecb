/**
 * The history's validated file versions kept between builds (.cache/content/history.json): the
 * timeline validates every version of every study page in the git history, the same versions each
 * build, so a version is looked up by the SHA-256 of its text and of a stamp of the validating code
 * (src/lib, package and lock files) and validated only when new. Deleting the file is always safe.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidationCache } from '../lib/changes/snapshot.ts';
import { codeStamp } from './page-key-fs.ts';

type Validated = ValidationCache extends Map<string, infer V> ? V : never;

/** The cache file, relative to the project root. */
export const HISTORY_CACHE = '.cache/content/history.json';

const VERSION = 1;

/** A ValidationCache backed by the file: get() falls back to the stored versions; save() writes the versions used, when they changed. */
export class StoredValidations extends Map<string, Validated> {
  readonly #stored: Record<string, Validated>;
  readonly #used: Record<string, Validated> = {};
  readonly #stamp: string;
  readonly #file: string;
  #added = 0;

  constructor(root: string) {
    super();
    this.#file = join(root, HISTORY_CACHE);
    this.#stamp = codeStamp(root, ['src/lib', 'package.json', 'package-lock.json']);
    let stored: Record<string, Validated> = {};
    try {
      const data = JSON.parse(readFileSync(this.#file, 'utf8')) as { version: number; entries: Record<string, Validated> };
      if (data.version === VERSION) stored = data.entries;
    } catch {
      // no cache yet, or unreadable: every version is validated
    }
    this.#stored = stored;
  }

  #key(text: string): string {
    return createHash('sha256').update(this.#stamp).update('\0').update(text).digest('hex');
  }

  override get(text: string): Validated | undefined {
    const own = super.get(text);
    if (own) return own;
    const key = this.#key(text);
    const stored = this.#stored[key];
    if (stored) {
      this.#used[key] = stored;
      super.set(text, stored);
    }
    return stored;
  }

  override set(text: string, value: Validated): this {
    this.#used[this.#key(text)] = value;
    this.#added++;
    return super.set(text, value);
  }

  /** Write the versions this build used (when any was new, or some stored one went unused); the file is renamed into place whole. */
  save(): void {
    if (this.#added === 0 && Object.keys(this.#used).length === Object.keys(this.#stored).length) return;
    mkdirSync(join(this.#file, '..'), { recursive: true });
    const tmp = `${this.#file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: VERSION, entries: this.#used }));
    renameSync(tmp, this.#file);
  }
}
