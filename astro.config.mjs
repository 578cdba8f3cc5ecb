// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { dataFiles } from './scripts/astro/data-files.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  integrations: [mdx(), dataFiles(fileURLToPath(new URL('./data', import.meta.url)))],
  build: { format: 'directory' },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
});
