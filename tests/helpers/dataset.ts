/**
 * Small on-disk datasets for tests: write a few files into a fresh temporary folder, then
 * load and validate them exactly as the CLI and the site do.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../../src/domain/diagnostics.ts';
import { checkDataset, type CheckedDataset } from '../../src/domain/pipeline.ts';

export const TODAY = '2026-11-21';

export const CHANNEL_HEADER =
  'id,name,name_en,agency,agency_en,region,level,platform,handle,url,status,opened,announced,closed,reason,redirect,notice,followers,posts,source,checked,notes';

export const SOURCES_CSV = 'id,title,publisher,date,url,archive\ncd-2024-08-28,Governments closing their unused social media accounts,China Daily,2024-08-28,,\n';

/** A channel row from named fields; unnamed columns stay empty. */
export function channelRow(fields: Record<string, string>): string {
  return CHANNEL_HEADER.split(',')
    .map((column) => csvCell(fields[column] ?? defaults[column] ?? ''))
    .join(',');
}

const defaults: Record<string, string> = {
  agency: '荣成市公安局',
  region: '371082',
  level: 'county',
  platform: 'weibo',
  status: 'active',
  source: 'cd-2024-08-28',
};

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface FixtureFiles {
  /** Path relative to the dataset root (data/..., content/...) → file content. */
  [path: string]: string | Uint8Array;
}

/** Writes files (sources.csv is added unless given) and returns the dataset folders. */
export function writeDataset(files: FixtureFiles): { root: string; dataDir: string; contentDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'registry-test-'));
  const all: FixtureFiles = { 'data/sources.csv': SOURCES_CSV, ...files };
  for (const [path, content] of Object.entries(all)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  mkdirSync(join(root, 'data/channels'), { recursive: true });
  return { root, dataDir: join(root, 'data'), contentDir: join(root, 'content') };
}

/** Writes a dataset whose channels are the given rows (one file) and checks it. */
export function checkRows(rows: Record<string, string>[], extra: FixtureFiles = {}): CheckedDataset & { file: string } {
  const csv = [CHANNEL_HEADER, ...rows.map(channelRow)].join('\n') + '\n';
  return checkFiles({ 'data/channels/test.csv': csv, ...extra }, 'data/channels/test.csv');
}

export function checkFiles(files: FixtureFiles, main = 'data/channels/test.csv'): CheckedDataset & { file: string } {
  const { dataDir, contentDir, root } = writeDataset(files);
  const checked = checkDataset({ dataDir, contentDir }, { today: TODAY });
  return { ...checked, file: join(root, main) };
}

/** The problems as compact "code@line" strings, for exact assertions. */
export function codes(checked: CheckedDataset, severity?: 'error' | 'warning'): string[] {
  return checked.diagnostics
    .sorted()
    .filter((d) => !severity || d.severity === severity)
    .map((d) => `${d.code}@${d.line}`);
}

export function only(checked: CheckedDataset, code: string): Diagnostic[] {
  return checked.diagnostics.items.filter((d) => d.code === code);
}
