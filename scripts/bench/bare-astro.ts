/**
 * The build baseline: a bare Astro project with the same number of trivial MDX pages as the
 * review has studies (this project's node_modules linked, @astrojs/mdx, a glob content
 * collection and one [slug].astro page rendering each entry). Astro's own cost per page, so the
 * review's build can be reported as a ratio to it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { linkNodeModules } from './synthetic.ts';

const CONFIG = `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({ integrations: [mdx()], build: { format: 'directory' }, trailingSlash: 'always' });
`;

const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const pages = defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/pages' }), schema: z.object({ title: z.string() }) });

export const collections = { pages };
`;

const PAGE = `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  return (await getCollection('pages')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body><h1>{entry.data.title}</h1><Content /></body>
</html>
`;

/** Write the bare project for `pages` trivial MDX pages into `dir`. */
export async function createBareAstro(dir: string, pages: number): Promise<void> {
  await mkdir(join(dir, 'src', 'pages'), { recursive: true });
  await mkdir(join(dir, 'content', 'pages'), { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'bare-astro-baseline', private: true, type: 'module' }, null, 2));
  await writeFile(join(dir, 'astro.config.mjs'), CONFIG);
  await writeFile(join(dir, 'src', 'content.config.ts'), CONTENT_CONFIG);
  await writeFile(join(dir, 'src', 'pages', '[slug].astro'), PAGE);
  for (let i = 1; i <= pages; i++) {
    const body = `---\ntitle: "Page ${i}"\n---\n\nThis is trivial page ${i}. It has *one* paragraph and a [link](https://example.org/${i}).\n`;
    await writeFile(join(dir, 'content', 'pages', `page-${String(i).padStart(6, '0')}.mdx`), body);
  }
  await linkNodeModules(dir);
}
