/**
 * Places as search results: typing 荣成 offers 荣成市 itself, linked to its page (or, for a
 * township, to its section of its county's page), above the channels. Every region with a
 * channel in or below it is a place; place numbers run from provinces to townships, then by
 * code, which is the order they are shown in. Bundled into the client, so no Node imports.
 *
 *   file  = varint places, table (src/store/records.ts), place*
 *   place = ref code, varint page ref + 1 (0: the code), ref name, varint nameEn ref + 1
 *           (0: the name), varint parent zh ref + 1 (0: none), varint parent en ref + 1,
 *           varint channels
 */
import type { Labelled } from '../domain/vocabulary.ts';
import { ByteReader, ByteWriter } from '../format/bytes.ts';
import { FrontCodedTable, readFrontCodedTable } from '../store/records.ts';

export interface PlaceRecord {
  readonly code: string;
  /** Code of the page that shows it: the code itself, or a township's county. */
  readonly page: string;
  readonly name: Labelled;
  /** The regions above it: "山东省威海市", "Weihai, Shandong" (empty for a province). */
  readonly parent: Labelled;
  /** Channels recorded in it and below it. */
  readonly channels: number;
}

export const DEFAULT_PLACE_CHUNK = 64;

export function encodePlaceFile(places: readonly PlaceRecord[]): Uint8Array {
  const table = new FrontCodedTable();
  for (const p of places) {
    table.add(p.code);
    table.add(p.page);
    table.add(p.name.zh);
    table.add(p.name.en);
    table.add(p.parent.zh);
    table.add(p.parent.en);
  }
  const out = new ByteWriter();
  out.varint(places.length);
  table.write(out);
  const optional = (text: string) => (text ? table.ref(text) + 1 : 0);
  for (const p of places) {
    out.varint(table.ref(p.code));
    out.varint(p.page === p.code ? 0 : table.ref(p.page) + 1);
    out.varint(table.ref(p.name.zh));
    out.varint(p.name.en === p.name.zh ? 0 : optional(p.name.en));
    out.varint(optional(p.parent.zh));
    out.varint(optional(p.parent.en));
    out.varint(p.channels);
  }
  return out.result();
}

export function decodePlaceFile(buf: Uint8Array): PlaceRecord[] {
  const reader = new ByteReader(buf);
  const count = reader.varint();
  const texts = readFrontCodedTable(reader);
  const optional = () => {
    const r = reader.varint();
    return r ? texts[r - 1]! : '';
  };
  const places: PlaceRecord[] = [];
  for (let i = 0; i < count; i++) {
    const code = texts[reader.varint()]!;
    const page = optional() || code;
    const zh = texts[reader.varint()]!;
    const en = optional() || zh;
    const parent = { zh: optional(), en: optional() };
    places.push({ code, page, name: { zh, en }, parent, channels: reader.varint() });
  }
  return places;
}
