/**
 * The site's Content-Security-Policy, for Astro's built-in CSP support (`security.csp`).
 * Astro writes it into a <meta http-equiv="content-security-policy"> on every page and adds
 * the hash of every script and style it inlines to script-src / style-src; nothing else
 * inline may run ('unsafe-inline' is never allowed). Everything comes from the site's origin.
 *
 * - 'wasm-unsafe-eval' lets Pagefind (search) and DuckDB-WASM (explore) compile WebAssembly;
 *   it does not allow eval() of JavaScript.
 * - worker-src 'self': DuckDB's worker is a same-origin file. Create it with
 *   `new Worker(url)`, not duckdb-wasm's `createWorker()` helper, which wraps it in a blob: URL.
 *   Its WebAssembly module is served gzipped and inflated by the page into a blob: URL that the
 *   worker fetches (src/client/explore/wasm-gzip.ts): the page only fetches a same-origin file,
 *   and this policy (a meta element) does not reach the worker, so nothing is added for it. A host
 *   that sends the policy as a header on the worker file too must add `connect-src blob:` there.
 * - img-src data: for inline icons; connect-src 'self' for the data files and the search index.
 * - frame-ancestors (who may frame a page) cannot be set by a meta element, and browsers warn
 *   when it is; it is left out, so the /embed/ pages stay embeddable from any origin. A host
 *   that sends headers can add it there for the other pages.
 */
import type { AstroUserConfig } from 'astro';

type CspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

/** CSP directives other than script-src / style-src (which Astro composes with its hashes). */
export const CSP_DIRECTIVES: NonNullable<CspConfig['directives']> = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** The `security.csp` value for astro.config.mjs. */
export const csp: CspConfig = {
  algorithm: 'SHA-256',
  directives: CSP_DIRECTIVES,
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
  styleDirective: { resources: ["'self'"] },
};
