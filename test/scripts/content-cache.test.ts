import { describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropStaleContentStore, schemaHash } from '../../scripts/lib/content-cache.ts';
import { ASTRO_CACHE_DIR } from '../../scripts/astro/cache-dir.ts';
import { ROOT } from '../helpers.ts';

describe("Astro's cached content entries", () => {
  it('are dropped when the schema source changes (or no stamp says which schema wrote them), and kept while it does not', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'content-cache-'));
    try {
      await cp(join(ROOT, 'src', 'lib', 'schema'), join(dir, 'src', 'lib', 'schema'), { recursive: true });
      await cp(join(ROOT, 'src', 'content.config.ts'), join(dir, 'src', 'content.config.ts'));
      const store = join(dir, ASTRO_CACHE_DIR, 'data-store.json');
      await mkdir(join(dir, ASTRO_CACHE_DIR), { recursive: true });
      await writeFile(store, '{}');
      expect(await dropStaleContentStore(dir)).toBe(false); // no stamp yet: the store is dropped to be safe and the stamp written
      await writeFile(store, '{}');
      expect(await dropStaleContentStore(dir)).toBe(false);
      expect(existsSync(store)).toBe(true);
      const before = await schemaHash(dir);
      const file = join(dir, 'src', 'lib', 'schema', 'index.ts');
      await writeFile(file, `${await readFile(file, 'utf8')}\n// a new field\n`);
      expect(await schemaHash(dir)).not.toBe(before);
      expect(await dropStaleContentStore(dir)).toBe(true);
      expect(existsSync(store)).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
