/** Loads the JSON reference fixtures in test/fixtures/stats. */
import { readFileSync } from 'node:fs';

/** Parses test/fixtures/stats/<name>. */
export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/stats/${name}`, import.meta.url), 'utf8')) as T;
}
