/**
 * The Frictionless Data Package (v2) descriptor, datapackage.json, for the published CSV
 * files. Every field's description is the zod schema's .meta() description, the same text
 * the data dictionary in docs/data-contract.md is written from, so the three can never drift apart.
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
  redirect: { type: 'list', delimiter: ';', itemType: 'string' },
  source: { type: 'list', delimiter: ';', itemType: 'string' },
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
    const description = (meta.description ?? extra[name] ?? '') + (isDate && meta.description && !meta.description.includes('YYYY') ? APPROX_DATE_NOTE : '');
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
  'Cells that begin with =, +, -, @, a tab or a carriage return are prefixed with a single quote (\') so spreadsheet programs do not run them as formulas; drop that quote to get the value exactly as recorded. The JSON files carry the values unchanged.';

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
  /** The channel table, one ZIP'd CSV per province-level division. */
  readonly provinceFiles: readonly (PublishedFile & { code: string; name: string; rows: number })[];
  /** Closing and closed channels, one ZIP'd CSV. */
  readonly closuresFile: PublishedFile & { rows: number };
  readonly sourcesFile: PublishedFile;
  readonly eventsFile: PublishedFile;
  /** The JSON API's channel files (gzip'd JSON Lines), in order: together every channel. */
  readonly channelsJson: readonly string[];
  /** The JSON API's closure files (gzip'd JSON Lines), one per province-level division. */
  readonly closuresJson: readonly string[];
  /** Absolute URL of the /data/ page, where the JSON shapes are written down. */
  readonly dataPage: string;
}

function tabularResource(name: string, title: string, file: PublishedFile, fields: Record<string, Json>[], extra: Record<string, Json> = {}): Record<string, Json> {
  const zipped = file.path.endsWith('.zip');
  return {
    $schema: PROFILE.resource,
    name,
    type: 'table',
    title,
    path: file.path,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    // the Compression of Resources recipe: bytes are the compressed file's
    ...(zipped ? { compression: 'zip' } : {}),
    bytes: file.bytes,
    dialect: CSV_DIALECT,
    ...extra,
    schema: { $schema: PROFILE.schema, fields, missingValues: [''], ...(fields.some((f) => f.name === 'id') ? { primaryKey: ['id'] } : {}) },
  };
}

/** Files that are one resource when concatenated: gzip members and JSON Lines both join. */
function jsonLinesResource(name: string, title: string, paths: readonly string[], description: string): Record<string, Json> {
  return {
    $schema: PROFILE.resource,
    name,
    title,
    path: [...paths],
    format: 'jsonl',
    mediatype: 'application/jsonl',
    encoding: 'utf-8',
    compression: 'gz',
    description,
  };
}

const rowCount = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;

export const ZIP_NOTE = 'The CSV file is inside a ZIP archive (one file per archive), which opens with a double click on Windows and macOS.';

export function dataPackage(input: DataPackageInput): Record<string, Json> {
  const channelFields = tableSchemaFields(channelSchema, CHANNEL_EXPORT_COLUMNS, DERIVED_COLUMN_DESCRIPTIONS);
  const total = input.provinceFiles.reduce((n, f) => n + f.rows, 0);
  const channelResources = input.provinceFiles.map((file) =>
    tabularResource(`channels-${file.code}`, `Channels: ${file.name} (${file.code})`, file, channelFields, {
      description: `The channels of ${file.code === '100000' ? 'central-government bodies (100000)' : `one province-level division, ${file.name} (${file.code})`}: ${rowCount(file.rows)}. The ${input.provinceFiles.length} channels-* resources together are the whole table (${rowCount(total)}), each channel in exactly one. One row per channel: the columns of data/channels/*.csv, then columns derived from the region tree. ${ZIP_NOTE} ${INJECTION_NOTE}`,
    }),
  );
  return {
    $schema: PROFILE.package,
    name: input.name,
    title: input.title,
    description: `${input.description} Tables: the channels by province-level division, the closures, sources and events, as CSV. The same channels and closures as JSON Lines (gzip) are the JSON API's files; the API's other files (index, regions with counts, events, sources) are described on ${input.dataPage}`,
    homepage: input.homepage,
    ...(input.version ? { version: input.version } : {}),
    created: `${input.created}T00:00:00Z`,
    licenses: [{ name: 'CC-BY-4.0', path: input.licence.url, title: `Creative Commons Attribution 4.0 (${input.licence.name})` }],
    keywords: ['China', 'government', 'new media', 'social media', '政务新媒体', 'transparency'],
    resources: [
      ...channelResources,
      tabularResource('closures', 'Closures', input.closuresFile, channelFields, {
        description: `Every closing and closed channel (${rowCount(input.closuresFile.rows)}): the rows of the channels-* tables whose status is closing or closed, with the same columns and in the same order (by province, region, id). ${ZIP_NOTE} ${INJECTION_NOTE}`,
      }),
      tabularResource('sources', 'Sources', input.sourcesFile, tableSchemaFields(sourceSchema, SOURCE_COLUMNS), { description: `The bibliography that channel rows cite by id. ${INJECTION_NOTE}` }),
      tabularResource('events', 'Policy events', input.eventsFile, tableSchemaFields(eventSchema, EVENT_COLUMNS), { description: `Policy milestones drawn on the timeline. ${INJECTION_NOTE}` }),
      ...[
        jsonLinesResource(
        'channels-json',
        'Channels as JSON Lines',
        input.channelsJson,
        `Every channel as one JSON object per line, values unchanged (no formula guard): the columns as fields (lists as arrays, counts as numbers, empty cells left out), plus province and, for closing and closed channels, destinations (redirects followed to live channels or addresses). gzip-compressed; the files are the JSON API's channels by id (the file of a channel is the first two hex digits of the SHA-256 of its id), and joined in this order they are one gzip stream of the whole dataset. Shapes: ${input.dataPage}`,
      ),
      jsonLinesResource(
        'closures-json',
        'Closures as JSON Lines',
        input.closuresJson,
        `Every closing and closed channel as one JSON object per line with its notice and destinations, one gzip file per province-level division, newest first within each. Shapes: ${input.dataPage}`,
        ),
      ].filter((r) => (r.path as string[]).length > 0),
    ],
  };
}
