import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SCRIPT = join(ROOT, 'scripts', 'serve.ts');

describe('npm start / npm run preview (scripts/serve.ts)', () => {
  it('serves a built site under its base path with range requests on review.duckdb', async () => {
    mkdirSync(join(dir, 'dist', 'data'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'index.html'), '<p>home</p>');
    writeFileSync(join(dir, 'dist', 'data', 'review.duckdb'), Buffer.alloc(4096, 7));
    const child = spawn(process.execPath, [SCRIPT, '--dir', join(dir, 'dist'), '--port', '0', '--host', '127.0.0.1'], { env: { ...process.env, BASE_PATH: '/review' }, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => resolve(d.toString()));
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const url = /(http:\/\/\S+)/.exec(line)![1]!;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/review\/$/);
      expect(await (await fetch(url)).text()).toBe('<p>home</p>');
      const r = await fetch(`${url}data/review.duckdb`, { headers: { Range: 'bytes=0-0' } });
      expect([r.status, r.headers.get('content-length'), r.headers.get('accept-ranges')]).toEqual([206, '1', 'bytes']);
    } finally {
      child.kill();
    }
  });

  it('says to build first when there is no built site', () => {
    const r = spawnSync(process.execPath, [SCRIPT, '--dir', join(dir, 'nothing'), '--port', '0'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/index\.html is missing: build the site first \(npm run build\)/);
  });
});
