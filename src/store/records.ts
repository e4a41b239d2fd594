/**
 * The channel records that search results and verify answers show, one store for both: the
 * record number is the channel's rank (record-store.ts orders them), and files hold
 * `chunkSize` consecutive records. Bundled into both clients, so no Node imports.
 *
 * A record file is binary. Its texts are stored once each in a table sorted so that texts
 * sharing a beginning are neighbours, each written as the bytes it shares with the one before
 * and the rest (front coding: a county's bodies, "荣成市公安局", "荣成市人民政府…", share most of
 * their bytes); records refer to them by number. Ids are front-coded against the record
 * before (a body's channels are neighbours: rongcheng-police-weibo, rongcheng-police-wechat).
 *
 *   file     = varint records, table, places, record*
 *   table    = varint count, (varint sharedBytes, varint restBytes, rest)*      UTF-8
 *   places   = varint count, (ref zh label, ref en label, ref page code)*
 *   record   = varint head, id, ref name, [ref nameEn], ref agency, [ref agencyEn], varint place,
 *              [ref closed], [ref announced], [varint count, destination*]
 *   head     = status | platform << 2 | flags << 6
 *              flags: 1 nameEn, 2 agencyEn, 4 closed, 8 announced, 16 destinations
 *   id       = varint sharedBytes, varint restBytes, rest      (ASCII)
 *   destination = varint 0, ref url
 *              | varint platform + 1, ref id, ref page, ref name, varint nameEn ref + 1 (0: none),
 *                varint url ref + 1 (0: none)
 *
 * An English text that is absent or the same as the Chinese one is not stored: English pages
 * show the Chinese.
 */
import { PLATFORM_LABELS, PLATFORMS, STATUSES, type Labelled, type Platform, type Status } from '../domain/vocabulary.ts';
import { displayUrl, isHttpUrl, SHORT_URL_CHARS } from '../format/url.ts';
import { ByteReader, ByteWriter } from '../format/bytes.ts';
import { names as enNames } from '../strings/en.ts';
import { names as zhNames } from '../strings/zh.ts';

export type RecordDestination =
  | { readonly kind: 'channel'; readonly id: string; readonly page: string; readonly name: Labelled; readonly platform: Platform; readonly url?: string }
  | { readonly kind: 'url'; readonly url: string };

/** A channel as results and answers show it. */
export interface ChannelRecord {
  readonly id: string;
  readonly status: Status;
  readonly platform: Platform;
  readonly name: Labelled;
  readonly agency: Labelled;
  /** The region and its ancestors: "山东省威海市荣成市", "Rongcheng, Weihai, Shandong". */
  readonly place: Labelled;
  /** Code of the region page the channel is an entry of. */
  readonly page: string;
  readonly closed?: string;
  readonly announced?: string;
  readonly destinations: readonly RecordDestination[];
}

/** A record as the builder has it (a SearchDoc is one). */
export interface RecordInput {
  readonly id: string;
  readonly status: Status;
  readonly platform: Platform;
  readonly name: string;
  readonly nameEn?: string;
  readonly agency: string;
  readonly agencyEn?: string;
  readonly closed?: string;
  readonly announced?: string;
  readonly destinations: readonly (
    | { readonly kind: 'channel'; readonly id: string; readonly page: string; readonly name: string; readonly nameEn?: string; readonly platform: Platform; readonly url?: string }
    | { readonly kind: 'url'; readonly url: string }
  )[];
}

/** A record's place: labels, and the page it is an entry of. */
export interface RecordPlace {
  readonly zh: string;
  readonly en: string;
  readonly page: string;
}

const FLAG_NAME_EN = 1;
const FLAG_AGENCY_EN = 2;
const FLAG_CLOSED = 4;
const FLAG_ANNOUNCED = 8;
const FLAG_DESTINATIONS = 16;

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/** UTF-8 of texts, encoded into reused buffers (a national store encodes 1.5 million). */
class Utf8Scratch {
  private buf = new Uint8Array(256);
  private prev = new Uint8Array(256);
  private prevLength = 0;
  length = 0;

  /** Encodes `text`, keeping the previous text's bytes; returns how many bytes they share. */
  next(text: string): number {
    [this.buf, this.prev] = [this.prev, this.buf];
    this.prevLength = this.length;
    if (this.buf.length < text.length * 3) this.buf = new Uint8Array(text.length * 3);
    this.length = utf8.encodeInto(text, this.buf).written;
    const max = Math.min(this.length, this.prevLength);
    let i = 0;
    while (i < max && this.buf[i] === this.prev[i]) i++;
    return i;
  }

  /** Writes the current text front-coded: shared bytes, rest length, rest. */
  write(out: ByteWriter, shared: number): void {
    out.varint(shared);
    out.varint(this.length - shared);
    out.bytes(this.buf.subarray(shared, this.length));
  }

  reset(): void {
    this.length = 0;
  }
}

/** A file's texts, sorted and front-coded; refs are positions in the sorted order. */
export class FrontCodedTable {
  private readonly texts = new Set<string>();
  private refs: Map<string, number> | undefined;
  private readonly scratch = new Utf8Scratch();

  add(text: string | undefined): void {
    if (text) this.texts.add(text);
  }

  /** Sorts the texts and writes the table; `ref` works from then on. */
  write(out: ByteWriter): void {
    const sorted = [...this.texts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.refs = new Map(sorted.map((t, i) => [t, i]));
    out.varint(sorted.length);
    this.scratch.reset();
    for (const text of sorted) this.scratch.write(out, this.scratch.next(text));
  }

  ref(text: string): number {
    const r = this.refs!.get(text);
    if (r === undefined) throw new Error(`text not in the table: ${text}`);
    return r;
  }
}

export function readFrontCodedTable(reader: ByteReader): string[] {
  const texts: string[] = [];
  let prev = new Uint8Array(0);
  for (let n = reader.varint(); n > 0; n--) {
    const shared = reader.varint();
    const rest = reader.varint();
    const bytes = new Uint8Array(shared + rest);
    bytes.set(prev.subarray(0, shared));
    bytes.set(reader.buf.subarray(reader.pos, reader.pos + rest), shared);
    reader.pos += rest;
    texts.push(fromUtf8.decode(bytes));
    prev = bytes;
  }
  return texts;
}

/** English text worth storing: present and not the same as the Chinese. */
function english(en: string | undefined, zh: string): string | undefined {
  return en && en !== zh ? en : undefined;
}

/** `sizes`, when given, receives how many of the bytes are the text table. */
export function encodeRecordFile<T extends RecordInput>(records: readonly T[], placeOf: (record: T) => RecordPlace, sizes?: { table: number }): Uint8Array {
  const table = new FrontCodedTable();
  const placeKeys = new Map<string, number>();
  const places: RecordPlace[] = [];
  const placeIndex: number[] = [];
  for (const r of records) {
    table.add(r.name);
    table.add(english(r.nameEn, r.name));
    table.add(r.agency);
    table.add(english(r.agencyEn, r.agency));
    table.add(r.closed);
    table.add(r.announced);
    const place = placeOf(r);
    const key = `${place.page}|${place.zh}|${place.en}`;
    let p = placeKeys.get(key);
    if (p === undefined) {
      placeKeys.set(key, (p = places.length));
      places.push(place);
      table.add(place.zh);
      table.add(place.en);
      table.add(place.page);
    }
    placeIndex.push(p);
    for (const d of r.destinations) {
      if (d.kind === 'url') table.add(d.url);
      else {
        table.add(d.id);
        table.add(d.page);
        table.add(d.name);
        table.add(english(d.nameEn, d.name));
        table.add(d.url);
      }
    }
  }
  const out = new ByteWriter();
  out.varint(records.length);
  table.write(out);
  if (sizes) sizes.table += out.length;
  out.varint(places.length);
  for (const p of places) {
    out.varint(table.ref(p.zh));
    out.varint(table.ref(p.en));
    out.varint(table.ref(p.page));
  }
  const ids = new Utf8Scratch();
  records.forEach((r, i) => {
    const nameEn = english(r.nameEn, r.name);
    const agencyEn = english(r.agencyEn, r.agency);
    const flags = (nameEn ? FLAG_NAME_EN : 0)
      | (agencyEn ? FLAG_AGENCY_EN : 0)
      | (r.closed ? FLAG_CLOSED : 0)
      | (r.announced ? FLAG_ANNOUNCED : 0)
      | (r.destinations.length ? FLAG_DESTINATIONS : 0);
    out.varint(STATUSES.indexOf(r.status) | (PLATFORMS.indexOf(r.platform) << 2) | (flags << 6));
    ids.write(out, ids.next(r.id));
    out.varint(table.ref(r.name));
    if (nameEn) out.varint(table.ref(nameEn));
    out.varint(table.ref(r.agency));
    if (agencyEn) out.varint(table.ref(agencyEn));
    out.varint(placeIndex[i]!);
    if (r.closed) out.varint(table.ref(r.closed));
    if (r.announced) out.varint(table.ref(r.announced));
    if (r.destinations.length) {
      out.varint(r.destinations.length);
      for (const d of r.destinations) {
        if (d.kind === 'url') {
          out.varint(0);
          out.varint(table.ref(d.url));
        } else {
          const dEn = english(d.nameEn, d.name);
          out.varint(PLATFORMS.indexOf(d.platform) + 1);
          out.varint(table.ref(d.id));
          out.varint(table.ref(d.page));
          out.varint(table.ref(d.name));
          out.varint(dEn ? table.ref(dEn) + 1 : 0);
          out.varint(d.url ? table.ref(d.url) + 1 : 0);
        }
      }
    }
  });
  return out.result();
}

export function decodeRecordFile(buf: Uint8Array): ChannelRecord[] {
  const reader = new ByteReader(buf);
  const count = reader.varint();
  const texts = readFrontCodedTable(reader);
  const text = (): string => texts[reader.varint()]!;
  const places: { zh: string; en: string; page: string }[] = [];
  for (let n = reader.varint(); n > 0; n--) places.push({ zh: text(), en: text(), page: text() });
  const records: ChannelRecord[] = [];
  let prevId = new Uint8Array(0);
  for (let i = 0; i < count; i++) {
    const head = reader.varint();
    const flags = head >> 6;
    const shared = reader.varint();
    const rest = reader.varint();
    const id = new Uint8Array(shared + rest);
    id.set(prevId.subarray(0, shared));
    id.set(buf.subarray(reader.pos, reader.pos + rest), shared);
    reader.pos += rest;
    prevId = id;
    const name = text();
    const nameEn = flags & FLAG_NAME_EN ? text() : name;
    const agency = text();
    const agencyEn = flags & FLAG_AGENCY_EN ? text() : agency;
    const place = places[reader.varint()]!;
    const closed = flags & FLAG_CLOSED ? text() : undefined;
    const announced = flags & FLAG_ANNOUNCED ? text() : undefined;
    const destinations: RecordDestination[] = [];
    if (flags & FLAG_DESTINATIONS) {
      for (let n = reader.varint(); n > 0; n--) {
        const kind = reader.varint();
        // the clients make links of these: an address that is not http(s) is dropped here, whatever the file holds
        if (kind === 0) {
          const url = text();
          if (isHttpUrl(url)) destinations.push({ kind: 'url', url });
        } else {
          const destId = text();
          const page = text();
          const dName = text();
          const en = reader.varint();
          const urlRef = reader.varint();
          const url = urlRef ? texts[urlRef - 1] : undefined;
          destinations.push({ kind: 'channel', id: destId, page, name: { zh: dName, en: en ? texts[en - 1]! : dName }, platform: PLATFORMS[kind - 1]!, url: url && isHttpUrl(url) ? url : undefined });
        }
      }
    }
    records.push({
      id: fromUtf8.decode(id),
      status: STATUSES[head & 3]!,
      platform: PLATFORMS[(head >> 2) & 15]!,
      name: { zh: name, en: nameEn },
      agency: { zh: agency, en: agencyEn },
      place: { zh: place.zh, en: place.en },
      page: place.page,
      closed,
      announced,
      destinations,
    });
  }
  return records;
}

/** A destination's label: the channel's name and platform, or the web address's host and path. */
export function destinationLabel(d: RecordDestination): Labelled {
  if (d.kind === 'url') {
    const label = displayUrl(d.url, SHORT_URL_CHARS);
    return { zh: label, en: label };
  }
  const platform = PLATFORM_LABELS[d.platform];
  return { zh: zhNames.withPlatform(d.name.zh, platform.zh), en: enNames.withPlatform(d.name.en, platform.en) };
}

/** A record store as a manifest names it (record-store.ts builds it). */
export interface StoreInfo {
  /** The store's folder, relative to the manifest's folder, ending in "/". */
  readonly path: string;
  /** Records, and records per file. */
  readonly count: number;
  readonly chunkSize: number;
  /** Key shards (keys.ts). */
  readonly keyShards: number;
}

/** Files of a store, by path within its folder. */
export const storeFiles = {
  record: (chunk: number) => `r/${chunk}.bin`,
  keys: (shard: number) => `k/${shard}.bin`,
};

export function recordFileOf(store: StoreInfo, record: number): string {
  return `${store.path}${storeFiles.record(Math.floor(record / store.chunkSize))}`;
}

export function keyFileOf(store: StoreInfo, shard: number): string {
  return `${store.path}${storeFiles.keys(shard)}`;
}

/** Link patterns the clients fill in: {page}, {id}, {code}. */
export interface LinkPatterns {
  /** A channel's entry on its region's page. */
  readonly entry: string;
  /** A region's own page. */
  readonly region: string;
  /** A township's section of its county's page. */
  readonly section: string;
}

export function fillLink(pattern: string, values: Readonly<Record<string, string>>): string {
  return pattern.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
}

export function entryLink(patterns: LinkPatterns, record: { readonly id: string; readonly page: string }): string {
  return fillLink(patterns.entry, record);
}

export function placeLink(patterns: LinkPatterns, place: { readonly code: string; readonly page: string }): string {
  return fillLink(place.page === place.code ? patterns.region : patterns.section, place);
}
