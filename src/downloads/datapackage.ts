/**
 * The Frictionless Data Package (v2) descriptor, datapackage.json. Every field's description
 * is the zod schema's .meta() description, the same text the data dictionary in
 * docs/data-contract.md is written from, so the three can never drift apart.
 *
 * Written for stock readers (frictionless-py, datapackage-js, DuckDB, pandas) and checked
 * against the official v2 JSON Schema (tests/fixtures/datapackage-v2/): field types are
 * those of the published Table Schema (the ;-separated lists redirect and source are
 * `string` with a pattern, since `list` is not in the v2 profile); the tables are plain or
 * gzip'd CSV without a byte-order mark (the ZIPs for spreadsheets are not resources: ZIP is
 * not a compression the standard defines); the JSON API's JSON files are resources naming
 * their JSON Schema in `jsonSchema`, not in `schema` as the JSON Data Resources recipe has
 * it, because frictionless-py reads any `schema` as a Table Schema and would reject the
 * package (and a non-URL `profile` as a profile to fetch). Each
 * table is in the package once: the Parquet files and the JSON Lines, which hold the same
 * rows, are named in the descriptions, not listed as resources.
 */
import type { z } from 'zod';
import { channelSchema } from '../domain/schemas/channel.ts';
import { eventSchema } from '../domain/schemas/event.ts';
import { sourceSchema } from '../domain/schemas/source.ts';
import { LEVELS, PLATFORMS, REASONS, STATUSES } from '../domain/vocabulary.ts';
import { CHANNEL_EXPORT_COLUMNS, DERIVED_COLUMN_DESCRIPTIONS, EVENT_COLUMNS, SOURCE_COLUMNS } from './csv-export.ts';
import type { Json } from './json-api.ts';

export const PROFILE = {
  package: 'https://datapackage.org/profiles/2.0/datapackage.json',
  resource: 'https://datapackage.org/profiles/2.0/dataresource.json',
  schema: 'https://datapackage.org/profiles/2.0/tableschema.json',
  dialect: 'https://datapackage.org/profiles/2.0/tabledialect.json',
};

const DATE_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';
const LIST_PATTERN = '^[^;]+(;[^;]+)*$';
const LIST_NOTE = ' Several values are separated by ";" (no spaces).';
const APPROX_DATE_NOTE = ' Approximate dates keep their precision: YYYY, YYYY-MM or YYYY-MM-DD.';

/** How a column is typed in the Table Schema, beyond plain text. */
const FIELD_TYPES: Record<string, Record<string, Json>> = {
  id: { type: 'string', constraints: { pattern: '^[a-z0-9][a-z0-9-]*$', unique: true } },
  region: { type: 'string', constraints: { pattern: '^(\\d{6}|\\d{9})$' } },
  province: { type: 'string', constraints: { pattern: '^\\d{6}$' } },
  code: { type: 'string', constraints: { pattern: '^(\\d{6}|\\d{9})$' } },
  level: { type: 'string', constraints: { enum: [...LEVELS] } },
  platform: { type: 'string', constraints: { enum: [...PLATFORMS] } },
  status: { type: 'string', constraints: { enum: [...STATUSES] } },
  reason: { type: 'string', constraints: { enum: [...REASONS] } },
  url: { type: 'string', format: 'uri' },
  archive: { type: 'string', format: 'uri' },
  // one or more channel ids or http(s) URLs separated by ';' (URLs never hold a bare ';' here)
  redirect: { type: 'string', constraints: { pattern: LIST_PATTERN } },
  source: { type: 'string', constraints: { pattern: LIST_PATTERN } },
  followers: { type: 'integer', constraints: { minimum: 0 } },
  posts: { type: 'integer', constraints: { minimum: 0 } },
  opened: { type: 'string', constraints: { pattern: DATE_PATTERN } },
  announced: { type: 'string', constraints: { pattern: DATE_PATTERN } },
  closed: { type: 'string', constraints: { pattern: DATE_PATTERN } },
  checked: { type: 'string', constraints: { pattern: DATE_PATTERN } },
  date: { type: 'string', constraints: { pattern: DATE_PATTERN } },
};

interface FieldMeta {
  description?: string;
  examples?: unknown[];
}

/** Table Schema fields for `columns`, described from `schema` (derived columns from `extra`). */
export function tableSchemaFields(schema: z.ZodObject<z.ZodRawShape>, columns: readonly string[], extra: Record<string, string> = {}): Record<string, Json>[] {
  return columns.map((name) => {
    const zodField = schema.shape[name] as z.ZodType | undefined;
    const meta = (zodField?.meta() ?? {}) as FieldMeta;
    const typing = structuredClone(FIELD_TYPES[name] ?? { type: 'string' });
    const required = zodField ? !zodField.safeParse(undefined).success : false;
    const constraints = { ...((typing.constraints as Record<string, Json> | undefined) ?? {}), ...(required ? { required: true } : {}) };
    delete typing.constraints;
    const isDate = (FIELD_TYPES[name]?.constraints as { pattern?: string } | undefined)?.pattern === DATE_PATTERN;
    const isList = (FIELD_TYPES[name]?.constraints as { pattern?: string } | undefined)?.pattern === LIST_PATTERN;
    const description =
      (meta.description ?? extra[name] ?? '') + (isDate && meta.description && !meta.description.includes('YYYY') ? APPROX_DATE_NOTE : '') + (isList && !meta.description?.includes('";"') ? LIST_NOTE : '');
    const field: Record<string, Json> = { name, ...typing, description };
    if (meta.examples?.length) field.example = String(meta.examples[0]);
    if (Object.keys(constraints).length > 0) field.constraints = constraints;
    return field;
  });
}

const CSV_DIALECT: Record<string, Json> = {
  $schema: PROFILE.dialect,
  header: true,
  delimiter: ',',
  lineTerminator: '\r\n',
  quoteChar: '"',
  doubleQuote: true,
};

export const INJECTION_NOTE =
  'Formula guard: a cell that begins, after any single quotes and spaces, with =, +, -, @, a tab or a carriage return has one more single quote (\') in front, so spreadsheet programs do not run it as a formula. To get the value exactly as recorded, drop the first character of every cell matching ^\'[\' ]*[=+\\-@\\t\\r]. The Parquet and JSON files carry the values unchanged.';

export interface JsonFile {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly path: string;
  readonly bytes: number;
  readonly schema: string;
}

export interface PublishedFile {
  /** Path relative to datapackage.json. */
  readonly path: string;
  readonly bytes: number;
}

export interface DataPackageInput {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly homepage: string;
  /** The data commit (siteData().dataVersion), when known. */
  readonly version?: string;
  /** YYYY-MM-DD of the data commit. */
  readonly created: string;
  readonly licence: { readonly name: string; readonly url: string };
  /** The channel table, one gzip'd CSV per province-level division. */
  readonly provinceFiles: readonly (PublishedFile & { code: string; name: string; rows: number })[];
  /** Closing and closed channels, one gzip'd CSV. */
  readonly closuresFile: PublishedFile & { rows: number };
  readonly sourcesFile: PublishedFile;
  readonly eventsFile: PublishedFile;
  /** The JSON API's JSON files, each with the JSON Schema it follows (paths relative to datapackage.json). */
  readonly jsonFiles: readonly JsonFile[];
  /** The same tables in other forms, named in the package's description (paths relative to datapackage.json). */
  readonly alsoAs: { readonly zips: string; readonly channelsParquet: string; readonly closuresParquet: string; readonly channelsJsonLines: string; readonly schemas: string };
  /** Absolute URL of the /data/ page, where every file is explained. */
  readonly dataPage: string;
}

function tabularResource(name: string, title: string, file: PublishedFile, fields: Record<string, Json>[], extra: Record<string, Json> = {}): Record<string, Json> {
  const gzipped = file.path.endsWith('.gz');
  return {
    $schema: PROFILE.resource,
    name,
    type: 'table',
    title,
    path: file.path,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    // the Compression of Resources recipe (inferred from .gz too): bytes are the compressed file's
    ...(gzipped ? { compression: 'gz' } : {}),
    bytes: file.bytes,
    dialect: CSV_DIALECT,
    ...extra,
    schema: { $schema: PROFILE.schema, fields, missingValues: [''], ...(fields.some((f) => f.name === 'id') ? { primaryKey: ['id'] } : {}) },
  };
}

/** A JSON file of the API, with its JSON Schema (see the top of the file for why `jsonSchema`). */
function jsonResource(file: JsonFile): Record<string, Json> {
  return {
    $schema: PROFILE.resource,
    name: file.name,
    title: file.title,
    description: file.description,
    path: file.path,
    format: 'json',
    mediatype: 'application/json',
    encoding: 'utf-8',
    bytes: file.bytes,
    jsonSchema: file.schema,
  };
}

const rowCount = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;

const GZIP_NOTE = 'gzip-compressed CSV (UTF-8 without a byte-order mark); the same rows, with a byte-order mark for spreadsheets, are in the ZIP of the same name.';

export function dataPackage(input: DataPackageInput): Record<string, Json> {
  const channelFields = tableSchemaFields(channelSchema, CHANNEL_EXPORT_COLUMNS, DERIVED_COLUMN_DESCRIPTIONS);
  const total = input.provinceFiles.reduce((n, f) => n + f.rows, 0);
  const channelResources = input.provinceFiles.map((file) =>
    tabularResource(`channels-${file.code}`, `Channels: ${file.name} (${file.code})`, file, channelFields, {
      description: `The channels of ${file.code === '100000' ? 'central-government bodies (100000)' : `one province-level division, ${file.name} (${file.code})`}: ${rowCount(file.rows)}. The ${input.provinceFiles.length} channels-* resources together are the whole table (${rowCount(total)}), each channel in exactly one. One row per channel: the columns of data/channels/*.csv, then columns derived from the region tree. ${GZIP_NOTE} ${INJECTION_NOTE}`,
    }),
  );
  return {
    $schema: PROFILE.package,
    name: input.name,
    title: input.title,
    description: `${input.description} Tables: the channels by province-level division, the closures, sources and events, as CSV; then the JSON API's JSON files, each with its JSON Schema. The same tables in other forms (not listed again as resources): for spreadsheets, ZIP'd CSV with a byte-order mark (${input.alsoAs.zips}); for analysts, Parquet with typed columns (${input.alsoAs.channelsParquet}, ${input.alsoAs.closuresParquet}); for programs, JSON Lines (${input.alsoAs.channelsJsonLines}). JSON Schemas of every API file: ${input.alsoAs.schemas}. Every file explained: ${input.dataPage}`,
    homepage: input.homepage,
    ...(input.version ? { version: input.version } : {}),
    created: `${input.created}T00:00:00Z`,
    licenses: [{ name: 'CC-BY-4.0', path: input.licence.url, title: `Creative Commons Attribution 4.0 (${input.licence.name})` }],
    keywords: ['China', 'government', 'new media', 'social media', '政务新媒体', 'transparency'],
    resources: [
      ...channelResources,
      tabularResource('closures', 'Closures', input.closuresFile, channelFields, {
        description: `Every closing and closed channel (${rowCount(input.closuresFile.rows)}): the rows of the channels-* tables whose status is closing or closed, with the same columns and in the same order (by province, region, id). ${GZIP_NOTE} ${INJECTION_NOTE}`,
      }),
      tabularResource('sources', 'Sources', input.sourcesFile, tableSchemaFields(sourceSchema, SOURCE_COLUMNS), { description: `The bibliography that channel rows cite by id. ${INJECTION_NOTE}` }),
      tabularResource('events', 'Policy events', input.eventsFile, tableSchemaFields(eventSchema, EVENT_COLUMNS), { description: `Policy milestones drawn on the timeline. ${INJECTION_NOTE}` }),
      ...input.jsonFiles.map(jsonResource),
    ],
  };
}
