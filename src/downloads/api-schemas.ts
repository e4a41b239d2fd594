/**
 * The JSON API's contract as zod schemas, one per file shape under api/v1/, published as
 * JSON Schema (draft-07, z.toJSONSchema) under api/v1/schemas/. Each JSON file names its
 * schema in a `$schema` member (editors such as VS Code validate against it); the JSON Lines
 * files, one object per line, are named from index.json and closures/index.json; the Data
 * Package lists the JSON files as JSON Data Resources with these schemas.
 *
 * Objects are strict (no member beyond those listed): a program can rely on the shape, and
 * a change to the API is a change here, which the fixture build's test validates against.
 * Field descriptions come from the channel schema, the same text as the data dictionary.
 */
import { z } from 'zod';
import { KIND_ORDER } from '../domain/regions.ts';
import { NOTICE_KINDS } from '../domain/schemas/notice.ts';
import { CHANNEL_COLUMNS, channelSchema } from '../domain/schemas/channel.ts';
import { LEVELS, PLATFORMS, REASONS, STATUSES } from '../domain/vocabulary.ts';

export const SCHEMAS_DIR = 'schemas';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const approxDate = (description: string) => z.string().regex(DATE).meta({ description: `${description} YYYY, YYYY-MM or YYYY-MM-DD: only as precise as known.` });
const regionCode = z.string().regex(/^(\d{6}|\d{9})$/);
const provinceCode = z.string().regex(/^\d{6}$/).meta({ description: 'GB/T 2260 code of the province-level division (100000 for central bodies).' });
const text = z.string().min(1);
const url = z.url({ protocol: /^https?$/ });
const schemaLink = z.string().meta({ description: 'Address of the JSON Schema this file follows.' });

const counts = z.strictObject({ active: z.int().min(0), dormant: z.int().min(0), closing: z.int().min(0), closed: z.int().min(0), total: z.int().min(0) });

const destination = z
  .strictObject({
    channel: z.string().optional().meta({ description: 'A live channel of the registry (its id)…' }),
    url: url.optional().meta({ description: '…or a web address.' }),
    via: z.array(z.string()).meta({ description: 'Closed channels passed through on the way (empty for a direct redirect).' }),
  })
  .meta({ description: 'Where the public should go instead: a redirect followed to a live end.' });

const describedBy = (name: string) => {
  const field = (channelSchema.shape as Record<string, z.ZodType>)[name];
  return (field?.meta() as { description?: string } | undefined)?.description ?? '';
};

/** A channel column's JSON type: lists as arrays, counts as numbers, dates and the rest as text. */
function channelField(name: string): z.ZodType {
  const description = describedBy(name);
  const base: z.ZodType =
    name === 'redirect' || name === 'source'
      ? z.array(text).min(1)
      : name === 'followers' || name === 'posts'
        ? z.int().min(0)
        : name === 'opened' || name === 'announced' || name === 'closed' || name === 'checked'
          ? z.string().regex(DATE)
          : name === 'level'
            ? z.enum(LEVELS)
            : name === 'platform'
              ? z.enum(PLATFORMS)
              : name === 'status'
                ? z.enum(STATUSES)
                : name === 'reason'
                  ? z.enum(REASONS)
                  : name === 'region'
                    ? regionCode
                    : name === 'url'
                      ? url
                      : text;
  const required = !(channelSchema.shape as Record<string, z.ZodType>)[name]!.safeParse(undefined).success;
  return (required ? base : base.optional()).meta({ description });
}

/** One line of api/v1/channels/{shard}.jsonl.gz. */
export const channelLineSchema = z
  .strictObject({
    ...Object.fromEntries(CHANNEL_COLUMNS.map((name) => [name, channelField(name)])),
    province: provinceCode,
    destinations: z.array(destination).optional().meta({ description: 'Closing and closed channels only: their redirects followed to live channels or addresses.' }),
  })
  .meta({ title: 'Channel', description: 'One channel: the columns of data/channels/*.csv (empty cells left out), its province and, when closing or closed, where to go instead.' });

const notice = z.strictObject({
  slug: text,
  title: text,
  issuer: text,
  announced: approxDate('When the notice was issued.').optional(),
  effective: approxDate('When it took effect.').optional(),
  kind: z.enum(NOTICE_KINDS).meta({ description: 'text: the notice\'s own words; summary: a summary of it.' }),
});

/** One line of api/v1/closures/<province>.jsonl.gz. */
export const closureLineSchema = z
  .strictObject({
    id: text,
    name: text,
    name_en: text.optional(),
    agency: text,
    agency_en: text.optional(),
    platform: z.enum(PLATFORMS),
    region: regionCode,
    province: provinceCode,
    status: z.enum(['closing', 'closed']),
    reason: z.enum(REASONS).optional(),
    announced: approxDate('When the closure was announced.').optional(),
    closed: approxDate('When the closure took effect.').optional(),
    date: approxDate('The closure date the lists sort by: closed, else announced.').optional(),
    notice: notice.optional(),
    destinations: z.array(destination),
  })
  .meta({ title: 'Closure', description: 'A closing or closed channel in brief, with its notice and where to go instead.' });

const region = z.strictObject({
  code: regionCode,
  name: text,
  name_en: text,
  kind: z.enum(KIND_ORDER as unknown as readonly [string, ...string[]]),
  parent: regionCode.optional(),
  counts: counts.meta({ description: 'Channels by status, here and in every subdivision.' }),
  channels_here: z.int().min(0).meta({ description: 'Channels whose region is this one exactly.' }),
  page: url.meta({ description: 'The region\'s page (a township\'s: its section of its county\'s page).' }),
  page_en: url,
});

const fileCount = z.strictObject({ province: provinceCode, file: text, count: z.int().min(0) });

export const regionsSchema = z
  .strictObject({ $schema: schemaLink, regions: z.array(region), local: z.array(fileCount).meta({ description: 'The files holding each province\'s counties and townships with channels.' }) })
  .meta({ title: 'Regions', description: 'The nation, every province and every prefecture, with counts including subdivisions.' });

export const provinceRegionsSchema = z
  .strictObject({ $schema: schemaLink, province: provinceCode, regions: z.array(region) })
  .meta({ title: 'A province\'s counties and townships', description: 'The counties and townships of one province that have channels.' });

export const eventsSchema = z
  .strictObject({ $schema: schemaLink, events: z.array(z.strictObject({ date: approxDate('When it happened.'), title: text, title_en: text.optional(), source: z.array(text).min(1) })) })
  .meta({ title: 'Policy events', description: 'Policy milestones drawn on the timeline.' });

export const sourcesSchema = z
  .strictObject({
    $schema: schemaLink,
    sources: z.array(z.strictObject({ id: text, title: text, publisher: text, date: approxDate('When it was published.').optional(), url: url.optional(), archive: url.optional() })),
  })
  .meta({ title: 'Sources', description: 'The bibliography channel rows cite by id.' });

export const closuresIndexSchema = z
  .strictObject({
    $schema: schemaLink,
    total: z.int().min(0),
    files: z.array(fileCount),
    line_schema: schemaLink.meta({ description: 'The JSON Schema of one line of the files.' }),
  })
  .meta({ title: 'Closure files', description: 'The closures\' JSON Lines files, one per province-level division, with their counts.' });

export const indexSchema = z
  .strictObject({
    $schema: schemaLink,
    api: z.literal('v1'),
    dataset: z.strictObject({
      version: z.string().nullable().meta({ description: 'The data commit, when known.' }),
      updated: z.iso.date().meta({ description: 'Date of the data commit (the build\'s day outside git).' }),
      licence: z.strictObject({ name: text, url }),
      synthetic: z.boolean(),
    }),
    counts,
    files: z.strictObject({ regions: text, events: text, sources: text, closures: text, datapackage: text, schemas: text }),
    channels: z.strictObject({ file: text, shard: text, shards: z.int().min(1), format: text, line_schema: schemaLink }),
    channel_entry: text,
    channel_page: text,
    channel_page_en: text,
  })
  .meta({ title: 'JSON API index', description: 'Entry point: data version, totals, where every file is and the rule that finds a channel by id.' });

/** Every published schema: file name under api/v1/schemas/ → zod schema. */
export const API_SCHEMAS = {
  'index.schema.json': indexSchema,
  'channel.schema.json': channelLineSchema,
  'closure.schema.json': closureLineSchema,
  'regions.schema.json': regionsSchema,
  'province-regions.schema.json': provinceRegionsSchema,
  'events.schema.json': eventsSchema,
  'sources.schema.json': sourcesSchema,
  'closures-index.schema.json': closuresIndexSchema,
} as const;

export type ApiSchemaFile = keyof typeof API_SCHEMAS;

/** A schema as published: draft-07 JSON Schema with its own address as $id. */
export function jsonSchemaOf(file: ApiSchemaFile, id: string): Record<string, unknown> {
  const schema = z.toJSONSchema(API_SCHEMAS[file], { target: 'draft-7', io: 'output' }) as Record<string, unknown>;
  return { ...schema, $id: id };
}
