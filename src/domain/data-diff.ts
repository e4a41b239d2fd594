/**
 * The change a pull request makes, described as data rather than as lines of CSV: which
 * channels were added, closed, reopened, removed or edited (and in which fields), per
 * province, and what the validator says about the new side. Reviewers are newsroom staff;
 * "荣成公安 closed 2024-04, reason discontinued" is what they can check against a source,
 * a line diff of a 22-column CSV is not.
 */
import type { ApproxDate } from './approx-date.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { ChannelRecord, LoadedDataset, NoticeRecord, SourceRecord } from './load.ts';
import type { RegionIndex } from './regions.ts';
import type { Ref } from './schemas/cells.ts';
import { CHANNEL_COLUMNS } from './schemas/channel.ts';
import { CLOSURE_STATUSES, type Status } from './vocabulary.ts';

/** One side of the comparison: a loaded dataset and the region tree it was validated with. */
export interface DiffSide {
  readonly loaded: LoadedDataset;
  readonly regions: RegionIndex;
}

export interface FieldChange {
  readonly field: string;
  /** Cell text as written ('' when empty). */
  readonly before: string;
  readonly after: string;
}

export type ChannelChangeKind = 'added' | 'removed' | 'closed' | 'reopened' | 'changed';

export interface ChannelChange {
  readonly kind: ChannelChangeKind;
  readonly id: string;
  readonly name: string;
  readonly platform: string;
  /** Status on the new side (old side for removed channels). */
  readonly status: Status;
  readonly previousStatus?: Status;
  /** Province-level code the channel belongs to, NATION for central bodies, UNKNOWN_PROVINCE if unplaceable. */
  readonly province: string;
  /** File the row is in now (old side for removed channels), relative to the data folder. */
  readonly file: string;
  readonly line: number;
  /** File the row was in before, when it moved between channel files. */
  readonly movedFrom?: string;
  /** Fields whose value differs (every filled field for added channels, none for removed). */
  readonly fields: readonly FieldChange[];
}

export interface ProvinceTally {
  /** Province code, NATION or UNKNOWN_PROVINCE. */
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  added: number;
  removed: number;
  closed: number;
  reopened: number;
  changed: number;
}

export interface RecordChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
}

export interface DataDiff {
  /** Channel changes, grouped by kind then sorted by id. */
  readonly channels: readonly ChannelChange[];
  /** Rows on the new side whose cells could not be read: not "removed", just broken. */
  readonly unreadable: readonly { id: string; previouslyPresent: boolean }[];
  /** Channels whose row moved to another file (also listed under their kind). */
  readonly moved: readonly ChannelChange[];
  readonly provinces: readonly ProvinceTally[];
  readonly notices: RecordChanges;
  readonly sources: RecordChanges;
  readonly events: { readonly added: number; readonly removed: number };
  readonly totals: { readonly before: number; readonly after: number };
  /** The validator's findings on the new side, sorted. */
  readonly diagnostics: readonly Diagnostic[];
}

export const NATION = '100000';
export const UNKNOWN_PROVINCE = 'unknown';

const KIND_ORDER: readonly ChannelChangeKind[] = ['added', 'closed', 'reopened', 'changed', 'removed'];

/**
 * Compares two datasets by channel id. `before` is the base of a change, `after` the result;
 * `dataDirs` turn absolute file paths into paths relative to each side's data folder, so a
 * row that stayed in data/channels/shandong.csv is not mistaken for a move between temp dirs.
 */
export function diffDatasets(
  before: DiffSide,
  after: DiffSide,
  options: { beforeDataDir: string; afterDataDir: string; diagnostics: readonly Diagnostic[] },
): DataDiff {
  const oldById = firstById(before.loaded.channels);
  const newById = firstById(after.loaded.channels);
  const relOld = (file: string) => relativeTo(options.beforeDataDir, file);
  const relNew = (file: string) => relativeTo(options.afterDataDir, file);

  const changes: ChannelChange[] = [];
  const unreadable: { id: string; previouslyPresent: boolean }[] = [];
  for (const [id, now] of newById) {
    const was = oldById.get(id);
    const fields = was ? changedFields(was, now) : filledFields(now);
    const movedFrom = was && relOld(was.from.file) !== relNew(now.from.file) ? relOld(was.from.file) : undefined;
    const kind: ChannelChangeKind | undefined = !was
      ? 'added'
      : isClosure(now.status) && !isClosure(was.status)
        ? 'closed'
        : !isClosure(now.status) && isClosure(was.status)
          ? 'reopened'
          : fields.length > 0
            ? 'changed'
            : undefined;
    if (!kind && !movedFrom) continue;
    changes.push({
      kind: kind ?? 'changed',
      id,
      name: now.name,
      platform: now.platform,
      status: now.status,
      ...(was && was.status !== now.status ? { previousStatus: was.status } : {}),
      province: provinceCode(after.regions, now.region),
      file: relNew(now.from.file),
      line: now.from.line,
      ...(movedFrom ? { movedFrom } : {}),
      fields,
    });
  }
  for (const [id, was] of oldById) {
    if (newById.has(id)) continue;
    if (after.loaded.rejectedChannelIds.has(id)) {
      unreadable.push({ id, previouslyPresent: true });
      continue;
    }
    changes.push({
      kind: 'removed',
      id,
      name: was.name,
      platform: was.platform,
      status: was.status,
      province: provinceCode(before.regions, was.region),
      file: relOld(was.from.file),
      line: was.from.line,
      fields: [],
    });
  }
  for (const id of after.loaded.rejectedChannelIds) {
    if (!oldById.has(id)) unreadable.push({ id, previouslyPresent: false });
  }
  changes.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.id.localeCompare(b.id));
  unreadable.sort((a, b) => a.id.localeCompare(b.id));

  return {
    channels: changes,
    unreadable,
    moved: changes.filter((c) => c.movedFrom !== undefined),
    provinces: tallyProvinces(changes, after.regions, before.regions),
    notices: compareRecords(bySlug(before.loaded.notices), bySlug(after.loaded.notices), noticeText),
    sources: compareRecords(firstById(before.loaded.sources), firstById(after.loaded.sources), sourceText),
    events: compareEvents(before.loaded, after.loaded),
    totals: { before: oldById.size, after: newById.size },
    diagnostics: options.diagnostics,
  };
}

function isClosure(status: Status): boolean {
  return CLOSURE_STATUSES.includes(status);
}

/** The first record per id; duplicates are the validator's to report. */
function firstById<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const r of records) if (!map.has(r.id)) map.set(r.id, r);
  return map;
}

function bySlug(notices: readonly NoticeRecord[]): Map<string, NoticeRecord> {
  return new Map(notices.map((n) => [n.slug, n] as const));
}

function relativeTo(dir: string, file: string): string {
  const base = dir.replace(/[\\/]+$/, '');
  const rel = file.startsWith(`${base}/`) || file.startsWith(`${base}\\`) ? file.slice(base.length + 1) : file;
  return rel.replace(/\\/g, '/');
}

/** A typed cell back to the text a contributor wrote, so changes read like the CSV. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(cellText).join(';');
  if (typeof value === 'object') {
    if ('precision' in value) return (value as ApproxDate).value;
    if ('kind' in value) {
      const ref = value as Ref;
      return ref.kind === 'id' ? ref.id : ref.url;
    }
  }
  return String(value);
}

function changedFields(was: ChannelRecord, now: ChannelRecord): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of CHANNEL_COLUMNS) {
    const before = cellText(was[field]);
    const after = cellText(now[field]);
    if (before !== after) changes.push({ field, before, after });
  }
  return changes;
}

function filledFields(now: ChannelRecord): FieldChange[] {
  return CHANNEL_COLUMNS.flatMap((field) => {
    const after = cellText(now[field]);
    return after === '' ? [] : [{ field, before: '', after }];
  });
}

function provinceCode(regions: RegionIndex, region: string): string {
  if (region === NATION) return NATION;
  return regions.provinceOf(region)?.code ?? UNKNOWN_PROVINCE;
}

function tallyProvinces(changes: readonly ChannelChange[], ...indexes: RegionIndex[]): ProvinceTally[] {
  const tallies = new Map<string, ProvinceTally>();
  for (const c of changes) {
    let t = tallies.get(c.province);
    if (!t) {
      const region = c.province === UNKNOWN_PROVINCE ? undefined : indexes.map((i) => i.get(c.province)).find(Boolean);
      const name = c.province === NATION ? '中央' : (region?.name ?? '未知地区');
      const nameEn = c.province === NATION ? 'Central' : (region?.nameEn ?? 'Unknown region');
      tallies.set(c.province, (t = { code: c.province, name, nameEn, added: 0, removed: 0, closed: 0, reopened: 0, changed: 0 }));
    }
    t[c.kind]++;
  }
  // Central first, then provinces by code, unplaceable rows last.
  return [...tallies.values()].sort((a, b) => rank(a.code) - rank(b.code) || a.code.localeCompare(b.code));
}

function rank(code: string): number {
  return code === NATION ? 0 : code === UNKNOWN_PROVINCE ? 2 : 1;
}

function compareRecords<T>(before: ReadonlyMap<string, T>, after: ReadonlyMap<string, T>, text: (r: T) => string): RecordChanges {
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [key, now] of after) {
    const was = before.get(key);
    if (!was) added.push(key);
    else if (text(was) !== text(now)) changed.push(key);
  }
  for (const key of before.keys()) if (!after.has(key)) removed.push(key);
  return { added: added.sort(), removed: removed.sort(), changed: changed.sort() };
}

function noticeText(n: NoticeRecord): string {
  // the body's text says whether it changed; its parsed tree is the same text again
  const { from: _from, bodyTree: _tree, ...fields } = n;
  return JSON.stringify(Object.entries(fields).map(([k, v]) => [k, cellText(v)]));
}

function sourceText(s: SourceRecord): string {
  const { from: _from, ...fields } = s;
  return JSON.stringify(Object.entries(fields).map(([k, v]) => [k, cellText(v)]));
}

function compareEvents(before: LoadedDataset, after: LoadedDataset): { added: number; removed: number } {
  const key = (e: LoadedDataset['events'][number]) => `${e.date.value}\u0000${e.title}\u0000${e.title_en ?? ''}\u0000${cellText(e.source)}`;
  const count = (list: LoadedDataset['events']) => {
    const m = new Map<string, number>();
    for (const e of list) m.set(key(e), (m.get(key(e)) ?? 0) + 1);
    return m;
  };
  const was = count(before.events);
  const now = count(after.events);
  let added = 0;
  let removed = 0;
  for (const [k, n] of now) added += Math.max(0, n - (was.get(k) ?? 0));
  for (const [k, n] of was) removed += Math.max(0, n - (now.get(k) ?? 0));
  return { added, removed };
}
