/**
 * Content collections: closure notices (plain Markdown only: contributed content must never
 * run code at build time) and maintainers' prose pages (MDX). The notice schema is the
 * domain's, so the validator and the site agree on what a notice is.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { noticeSchema } from './domain/schemas/notice.ts';
import { datasetPathsFromEnv } from './domain/pipeline.ts';

const { contentDir } = datasetPathsFromEnv(process.env);

const notices = defineCollection({
  loader: glob({ pattern: '*.md', base: `${contentDir}/notices` }),
  schema: noticeSchema,
});

const pages = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${contentDir}/pages` }),
});

export const collections = { notices, pages };
