// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  integrations: [mdx()],
  markdown: { smartypants: false },
  build: { format: 'directory' },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
});
