/**
 * The published data read by tools that are not ours, on the fixture build: the Data Package
 * checked against the official Data Package v2 JSON Schema (tests/fixtures/datapackage-v2/,
 * run by ajv) and every resource read back row by row against its declared Table Schema;
 * every JSON API file validated against the JSON Schema it names; the Parquet files read
 * back by hyparquet and by DuckDB and compared with the registry's rows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { earliestDay } from '../src/domain/approx-date.ts';
import { cellText } from '../src/domain/data-diff.ts';
import { isClosure, type Channel, type Registry } from '../src/domain/model.ts';
import { CHANNEL_COLUMNS } from '../src/domain/schemas/channel.ts';
import { CHANNEL_EXPORT_COLUMNS, derivedCells } from '../src/downloads/csv-export.ts';
import { PARQUET_COLUMNS } from '../src/downloads/parquet.ts';
import { originalCell } from '../src/format/csv.ts';
import { fixtureSite, useTownshipRegistry } from './helpers/fixture-site.ts';

const PROFILES = 'tests/fixtures/datapackage-v2';

let out = '';
let registry: Registry;
useTownshipRegistry('2026-11-21', (r) => (registry = r));
beforeAll(async () => {
  out = await fixtureSite();
}, 600_000);

const bytesOf = (path: string) => readFileSync(join(out, path));
const textOf = (path: string) => {
  const bytes = bytesOf(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
};

function ajv(): Ajv {
  // the official profiles carry annotation keywords of their own (propertyOrder, context, options)
  const a = new Ajv({ strict: false, allErrors: true });
  addFormats(a);
  return a;
}

interface Field {
  name: string;
  type: string;
  format?: string;
  constraints?: { required?: boolean; pattern?: string; enum?: string[]; minimum?: number; unique?: boolean };
}
interface TableResource {
  name: string;
  path: string;
  bytes: number;
  format: string;
  encoding: string;
  compression?: string;
  schema: { fields: Field[]; missingValues: string[]; primaryKey?: string[] };
}

/** Every problem of one cell against its Table Schema field, as text (empty: none). */
function cellProblems(field: Field, cell: string, missing: readonly string[]): string[] {
  const c = field.constraints ?? {};
  if (missing.includes(cell)) return c.required ? ['required'] : [];
  const problems: string[] = [];
  if (field.type === 'integer' && !/^-?\d+$/.test(cell)) problems.push('not an integer');
  if (field.type === 'integer' && c.minimum !== undefined && Number(cell) < c.minimum) problems.push('below minimum');
  if (field.format === 'uri' && !URL.canParse(cell)) problems.push('not a URI');
  if (c.pattern && !new RegExp(`^(?:${c.pattern})$`).test(cell)) problems.push(`not matching ${c.pattern}`);
  if (c.enum && !c.enum.includes(cell)) problems.push('not in enum');
  return problems;
}

/** The export row of a channel, as its cells would be written before the formula guard. */
const exportRow = (c: Channel): string[] => [...CHANNEL_COLUMNS.map((f) => cellText(c[f])), ...derivedCells(registry.regions, c.region)];

describe('datapackage.json, as stock tools read it', () => {
  it('is valid against the official Data Package v2 profile', () => {
    const pkg = JSON.parse(textOf('datapackage.json'));
    const validate = ajv().compile(JSON.parse(readFileSync(join(PROFILES, 'datapackage.json'), 'utf8')));
    const valid = validate(pkg);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // and every resource against the Data Resource profile (the package profile inlines an older copy)
    const resource = ajv().compile(JSON.parse(readFileSync(join(PROFILES, 'dataresource.json'), 'utf8')));
    for (const r of pkg.resources) expect(resource(r) ? [] : resource.errors, r.name).toEqual([]);
  });

  it('refuses what the validator must refuse: a list-typed field, the sign the profile is really checked', () => {
    const pkg = JSON.parse(textOf('datapackage.json'));
    pkg.resources[0].schema.fields.find((f: Field) => f.name === 'redirect').type = 'list';
    const validate = ajv().compile(JSON.parse(readFileSync(join(PROFILES, 'datapackage.json'), 'utf8')));
    expect(validate(pkg)).toBe(false);
  });

  it('every table resource: the right bytes, no byte-order mark, the declared header, every row valid against its fields', () => {
    const pkg = JSON.parse(textOf('datapackage.json'));
    const tables = pkg.resources.filter((r: { type?: string }) => r.type === 'table') as TableResource[];
    expect(tables.map((t) => t.name)).toEqual([...new Set(tables.map((t) => t.name))]);
    const seen = new Map<string, number>();
    for (const table of tables) {
      expect(bytesOf(table.path).length, table.path).toBe(table.bytes);
      expect(table.compression === 'gz').toBe(table.path.endsWith('.gz'));
      const text = textOf(table.path);
      expect(text.charCodeAt(0), `${table.path} starts with a BOM`).not.toBe(0xfeff);
      const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
      expect(parsed.errors, table.path).toEqual([]);
      const [header, ...rows] = parsed.data;
      expect(header).toEqual(table.schema.fields.map((f) => f.name));
      const key = table.schema.primaryKey?.[0];
      const keys = new Set<string>();
      for (const [i, row] of rows.entries()) {
        expect(row.length, `${table.path} row ${i + 2}`).toBe(header!.length);
        for (const [j, field] of table.schema.fields.entries()) {
          expect(cellProblems(field, row[j]!, table.schema.missingValues), `${table.path} row ${i + 2} ${field.name} ${JSON.stringify(row[j])}`).toEqual([]);
        }
        if (key) {
          const id = row[header!.indexOf(key)]!;
          expect(keys.has(id), `${table.path} duplicate ${id}`).toBe(false);
          keys.add(id);
        }
      }
      seen.set(table.name, rows.length);
    }
    // the channels-* tables are the whole registry, each channel once; closures are the closures
    const channelRows = [...seen].filter(([name]) => name.startsWith('channels-')).reduce((n, [, rows]) => n + rows, 0);
    expect(channelRows).toBe(registry.channels.length);
    expect(seen.get('closures')).toBe(registry.channels.filter(isClosure).length);
    expect(seen.get('sources')).toBe(registry.sources.size);
    expect(seen.get('events')).toBe(registry.events.length);
  });

  it('the channel tables hold every source row exactly, once the formula guard is undone', () => {
    const pkg = JSON.parse(textOf('datapackage.json'));
    const rows = (pkg.resources as TableResource[])
      .filter((r) => r.name.startsWith('channels-'))
      .flatMap((r) => Papa.parse<Record<string, string>>(textOf(r.path), { header: true, skipEmptyLines: true }).data);
    for (const row of rows) {
      const c = registry.channelsById.get(row.id!)!;
      expect(CHANNEL_EXPORT_COLUMNS.map((col) => originalCell(row[col]!)), row.id).toEqual(exportRow(c));
    }
  });

  it('every JSON resource names a published JSON Schema that its file satisfies', () => {
    const pkg = JSON.parse(textOf('datapackage.json'));
    const json = pkg.resources.filter((r: { format: string }) => r.format === 'json') as { name: string; path: string; bytes: number; jsonSchema: string }[];
    expect(json.map((r) => r.name)).toEqual(['api-index', 'api-regions', 'api-closures-index', 'api-events', 'api-sources']);
    for (const r of json) {
      expect(bytesOf(r.path).length).toBe(r.bytes);
      const validate = ajv().compile(JSON.parse(textOf(r.jsonSchema)));
      expect(validate(JSON.parse(textOf(r.path))) ? [] : validate.errors, r.path).toEqual([]);
    }
  });
});

describe('the JSON API against its JSON Schemas', () => {
  const schemaFiles = () => readdirSync(join(out, 'api/v1/schemas'));

  it('publishes one draft-07 schema per file shape, each with its own address as $id', () => {
    expect(schemaFiles().sort()).toEqual(
      ['channel', 'closure', 'closures-index', 'events', 'index', 'province-regions', 'regions', 'sources'].map((n) => `${n}.schema.json`).sort(),
    );
    for (const file of schemaFiles()) {
      const schema = JSON.parse(textOf(`api/v1/schemas/${file}`));
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(schema.$id).toMatch(new RegExp(`/api/v1/schemas/${file.replace('.', '\\.')}$`));
    }
  });

  it('every published API file and every line of the JSON Lines files is valid against the schema it names', () => {
    const validators = new Map<string, ValidateFunction>();
    const a = ajv();
    for (const file of schemaFiles()) {
      const schema = JSON.parse(textOf(`api/v1/schemas/${file}`));
      validators.set(schema.$id, a.compile(schema));
    }
    const index = JSON.parse(textOf('api/v1/index.json'));
    const closuresIndex = JSON.parse(textOf('api/v1/closures/index.json'));
    const walk = (dir: string): string[] => readdirSync(join(out, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));
    let checked = 0;
    let lines = 0;
    for (const path of walk('api/v1').filter((p) => !p.startsWith('api/v1/schemas/'))) {
      if (path.endsWith('.json')) {
        const value = JSON.parse(textOf(path));
        const validate = validators.get(value.$schema);
        expect(validate, `${path} names ${value.$schema}`).toBeDefined();
        expect(validate!(value) ? [] : validate!.errors, path).toEqual([]);
        checked++;
      } else if (path.endsWith('.jsonl.gz')) {
        const schema = path.startsWith('api/v1/channels/') ? index.channels.line_schema : closuresIndex.line_schema;
        const validate = validators.get(schema)!;
        for (const line of textOf(path).split('\n').filter(Boolean)) {
          expect(validate(JSON.parse(line)) ? [] : validate.errors, `${path}: ${line.slice(0, 80)}`).toEqual([]);
          lines++;
        }
      } else throw new Error(`unexpected file ${relative(out, join(out, path))}`);
    }
    expect(checked).toBeGreaterThanOrEqual(6);
    expect(lines).toBe(registry.channels.length + registry.channels.filter(isClosure).length);
  });

  it('the schemas refuse a wrong shape (they are not "anything goes")', () => {
    const a = ajv();
    const channel = a.compile(JSON.parse(textOf('api/v1/schemas/channel.schema.json')));
    expect(channel({ id: 'x', name: 'n', agency: 'a', region: '370000', level: 'provincial', platform: 'weibo', status: 'active', source: ['s'], province: '370000' })).toBe(true);
    expect(channel({ id: 'x', name: 'n', agency: 'a', region: '370000', level: 'provincial', platform: 'weibo', status: 'gone', source: ['s'], province: '370000' })).toBe(false);
    expect(channel({ id: 'x', name: 'n', agency: 'a', region: '370000', level: 'provincial', platform: 'weibo', status: 'active', source: ['s'], province: '370000', extra: 1 })).toBe(false);
    expect(channel({ id: 'x', name: 'n', agency: 'a', region: '370000', level: 'provincial', platform: 'weibo', status: 'active', source: 's', province: '370000' })).toBe(false);
  });
});

describe('Parquet', () => {
  const expected = (c: Channel): Record<string, unknown> => {
    const row: Record<string, unknown> = {};
    for (const [i, col] of CHANNEL_EXPORT_COLUMNS.entries()) {
      const text = exportRow(c)[i]!;
      row[col] = text === '' ? null : col === 'redirect' || col === 'source' ? text.split(';') : col === 'followers' || col === 'posts' ? BigInt(text) : text;
    }
    return row;
  };

  it('hyparquet reads back every channel and every closure, column for column, with typed columns', async () => {
    for (const [file, channels] of [
      ['downloads/channels.parquet', registry.channels],
      ['downloads/closures.parquet', registry.channels.filter(isClosure)],
    ] as const) {
      const bytes = bytesOf(file);
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
      const rows = (await parquetReadObjects({ file: buffer, compressors })) as Record<string, unknown>[];
      expect(rows.map((r) => r.id).sort(), file).toEqual(channels.map((c) => c.id).sort());
      for (const row of rows) {
        const c = registry.channelsById.get(row.id as string)!;
        expect(Object.keys(row)).toEqual([...PARQUET_COLUMNS]);
        const columns = Object.fromEntries(CHANNEL_EXPORT_COLUMNS.map((col) => [col, row[col]]));
        expect(columns, c.id).toEqual(expected(c));
        // the _start columns: the first day of the period, as a date; the text keeps the precision
        for (const field of ['opened', 'announced', 'closed', 'checked'] as const) {
          const start = row[`${field}_start`];
          expect(start instanceof Date ? start.toISOString().slice(0, 10) : start, `${c.id} ${field}`).toBe(c[field] ? earliestDay(c[field]) : null);
        }
      }
    }
  });

  it('DuckDB reads the Parquet and the gzip CSV with the declared types', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const parquet = join(out, 'downloads/channels.parquet').replace(/'/g, "''");
    const types = (await conn.runAndReadAll(`describe select * from read_parquet('${parquet}')`)).getRowObjectsJson();
    const typeOf = Object.fromEntries(types.map((t) => [t.column_name as string, t.column_type as string]));
    expect(typeOf).toMatchObject({ id: 'VARCHAR', closed: 'VARCHAR', followers: 'BIGINT', redirect: 'VARCHAR[]', source: 'VARCHAR[]', closed_start: 'DATE' });
    const closed = (await conn.runAndReadAll(`select id, closed, closed_start::varchar as day from read_parquet('${parquet}') where status = 'closed' order by closed_start desc, id`)).getRowObjectsJson();
    const want = registry.channels.filter((c) => c.status === 'closed');
    expect(closed.map((r) => r.id).sort()).toEqual(want.map((c) => c.id).sort());
    for (const r of closed) expect(r.closed).toBe(registry.channelsById.get(r.id as string)!.closed!.value);
    const pkg = JSON.parse(textOf('datapackage.json'));
    for (const r of (pkg.resources as TableResource[]).filter((x) => x.path.endsWith('.csv.gz'))) {
      const csv = join(out, r.path).replace(/'/g, "''");
      const count = (await conn.runAndReadAll(`select count(*)::int as n from read_csv('${csv}', header = true, all_varchar = true)`)).getRowObjectsJson();
      expect(count[0]!.n, r.path).toBeGreaterThan(0);
      const header = (await conn.runAndReadAll(`describe select * from read_csv('${csv}', header = true, all_varchar = true)`)).getRowObjectsJson();
      expect(header.map((h) => h.column_name)).toEqual(r.schema.fields.map((f) => f.name));
    }
    conn.closeSync();
  });
});
