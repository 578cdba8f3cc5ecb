import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { projectWithDtaStudies, auditCCertainty } from './test/dta-project.ts';
import { serveStatic } from './scripts/lib/static-server.ts';
import { launchChromium } from './scripts/lib/browser.ts';
const dir = await projectWithDtaStudies('grade-shot-', auditCCertainty({ imprecision: 'serious' }));
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
for (const args of [['scripts/check.ts'], ['scripts/build-data.ts'], [astro, 'build']]) execFileSync(process.execPath, args, { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'], env });
const server = await serveStatic(join(dir, 'dist'));
const browser = await launchChromium();
for (const [name, w] of [['desktop', 1280], ['phone', 390]] as const) {
  const page = await (await browser.newContext({ viewport: { width: w, height: 900 } })).newPage();
  await page.goto(`${server.origin}/outcomes/unhealthy-alcohol-use/`);
  await page.locator('#sof-unhealthy-alcohol-use').screenshot({ path: `/tmp/sof-${name}.png` });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${server.origin}/summary-of-findings/wall-motion-abnormality.html`);
  await page.screenshot({ path: `/tmp/sof-standalone-${name}.png`, fullPage: true });
}
await browser.close(); await server.close();
console.log(dir);
