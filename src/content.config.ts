/** Content collections: study pages validated by the one schema (src/lib/schema). */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { Study } from './lib/schema/index.ts';

const studies = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/studies' }),
  schema: Study,
});

export const collections = { studies };
