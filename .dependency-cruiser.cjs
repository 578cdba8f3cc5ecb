/**
 * Import rules for src/ and scripts/ (issue #16): no circles, and no import that runs up the layers.
 * Layers, bottom to top: src/lib (pure TypeScript: no node:*, no DOM) → src/client (browser) and
 * src/build (build-time glue) → src/components, src/layouts → src/pages; scripts/ (Node) sits beside
 * them and may import src/, never the other way round. Test files are not checked.
 * Checked by test/structure/import-graph.test.ts; `npm run graph` prints the layers and the counts.
 * Parsed with swc: dependency-cruiser cannot use TypeScript 7.0's compiler API.
 */

/** Test files: never a violation, whatever they import. */
const TESTS = '(^test/|[.]test[.]ts$)';

/** Packages that only work with a DOM (or pull one in): never in src/lib. */
const DOM_ONLY_PACKAGES = '(^|node_modules/)(@duckdb/duckdb-wasm|d3|d3-(selection|transition|zoom|drag|brush|axis))(/|$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module must not import itself through others: split what both sides need into its own file.',
      from: { pathNot: TESTS },
      to: { circular: true },
    },
    {
      name: 'src-not-to-scripts',
      severity: 'error',
      comment: 'scripts/ is the Node entry layer above src/: src/ never imports it.',
      from: { path: '^src/', pathNot: TESTS },
      to: { path: '^scripts/' },
    },
    {
      name: 'lib-no-node',
      severity: 'error',
      comment: 'src/lib is pure TypeScript: Node built-ins belong in scripts/ or a *-fs.ts file in src/build.',
      from: { path: '^src/lib/', pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'lib-not-up',
      severity: 'error',
      comment: 'src/lib is the bottom layer: it imports nothing from the browser code, the build glue, components or pages.',
      from: { path: '^src/lib/', pathNot: TESTS },
      to: { path: '^src/(client|build|components|layouts|pages)/' },
    },
    {
      name: 'lib-no-dom-package',
      severity: 'error',
      comment: 'src/lib runs in Node and in the browser: no package that needs a DOM.',
      from: { path: '^src/lib/', pathNot: TESTS },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], path: DOM_ONLY_PACKAGES },
    },
    {
      name: 'client-not-build',
      severity: 'error',
      comment: 'Browser code never imports build-time glue or Node scripts.',
      from: { path: '^src/client/', pathNot: TESTS },
      to: { path: '^(src/build|scripts)/' },
    },
  ],
  options: {
    parser: 'swc',
    exclude: { path: TESTS },
    doNotFollow: { path: 'node_modules' },
    moduleSystems: ['es6', 'cjs'],
    // Type-only imports count: a type imported from a higher layer is still an upward arrow.
    tsPreCompilationDeps: true,
  },
};
