/**
 * Content collections: the maintainers' prose pages (MDX) only. Closure notices are
 * contributed, so they are not a collection: the domain reads and validates them
 * (src/domain/notice.ts) and the notice pages render the validated records, so no notice file
 * is read or rendered by anything the validator has not checked.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { datasetPathsFromEnv } from './domain/pipeline.ts';

const { contentDir } = datasetPathsFromEnv(process.env);

const pages = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${contentDir}/pages` }),
});

export const collections = { pages };
