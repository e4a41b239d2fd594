/**
 * The Frictionless Data Package (v2) descriptor, datapackage.json, for the published CSV
 * files. Every field's description is the zod schema's .meta() description, the same text
 * the README's data dictionary is written from, so the three can never drift apart.
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
  /** Paths (relative to datapackage.json) of the channel CSV file or its parts. */
  readonly channelFiles: readonly { path: string; bytes: number; rows: number }[];
  readonly sourcesFile: { path: string; bytes: number };
  readonly eventsFile: { path: string; bytes: number };
}

function tabularResource(name: string, title: string, path: string, bytes: number, fields: Record<string, Json>[], extra: Record<string, Json> = {}): Record<string, Json> {
  return {
    $schema: PROFILE.resource,
    name,
    type: 'table',
    title,
    path,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    bytes,
    dialect: CSV_DIALECT,
    ...extra,
    schema: { $schema: PROFILE.schema, fields, missingValues: [''], ...(fields.some((f) => f.name === 'id') ? { primaryKey: ['id'] } : {}) },
  };
}

export function dataPackage(input: DataPackageInput): Record<string, Json> {
  const channelFields = tableSchemaFields(channelSchema, CHANNEL_EXPORT_COLUMNS, DERIVED_COLUMN_DESCRIPTIONS);
  const parts = input.channelFiles.length;
  const channelResources = input.channelFiles.map((file, i) =>
    tabularResource(
      parts === 1 ? 'channels' : `channels-${i + 1}`,
      parts === 1 ? 'Channels' : `Channels, part ${i + 1} of ${parts}`,
      file.path,
      file.bytes,
      channelFields,
      {
        description: `One row per channel: the columns of data/channels/*.csv, then columns derived from the region tree.${parts > 1 ? ' The table is split into parts (each with the header row) to keep every file under 20 MB; together they are the whole table.' : ''} ${INJECTION_NOTE}`,
      },
    ),
  );
  return {
    $schema: PROFILE.package,
    name: input.name,
    title: input.title,
    description: input.description,
    homepage: input.homepage,
    ...(input.version ? { version: input.version } : {}),
    created: `${input.created}T00:00:00Z`,
    licenses: [{ name: 'CC-BY-4.0', path: input.licence.url, title: `Creative Commons Attribution 4.0 (${input.licence.name})` }],
    keywords: ['China', 'government', 'new media', 'social media', '政务新媒体', 'transparency'],
    resources: [
      ...channelResources,
      tabularResource('sources', 'Sources', input.sourcesFile.path, input.sourcesFile.bytes, tableSchemaFields(sourceSchema, SOURCE_COLUMNS), { description: `The bibliography that channel rows cite by id. ${INJECTION_NOTE}` }),
      tabularResource('events', 'Policy events', input.eventsFile.path, input.eventsFile.bytes, tableSchemaFields(eventSchema, EVENT_COLUMNS), { description: `Policy milestones drawn on the timeline. ${INJECTION_NOTE}` }),
    ],
  };
}
