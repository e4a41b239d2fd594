/**
 * A whole synthetic national dataset written to disk: data/channels/<province>.csv (central
 * bodies in central.csv), sources.csv, events.csv, content/notices/*.md and the
 * SYNTHETIC.json marker. Files are written one at a time, so memory holds one province.
 * The same seed, size and "today" always give byte-identical files.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYNTHETIC_MARKER } from '../domain/load.ts';
import { CHANNEL_COLUMNS } from '../domain/schemas/channel.ts';
import { type Level, type Platform, type Reason, type Status } from '../domain/vocabulary.ts';
import { largestRemainder, UnitGenerator, type MadeChannel, type UnitContext } from './channels.ts';
import { CsvFileWriter } from './csv-writer.ts';
import { dayNumber } from './days.ts';
import { Geography } from './geography.ts';
import { attachNotices } from './notices.ts';
import { Random, streamSeed } from './random.ts';
import { EVENT_COLUMNS, policyEvents, SOURCE_COLUMNS, SourceBook, type Issuer } from './sources.ts';

export const GENERATOR = 'scripts/synth.ts';
export const DEFAULT_TODAY = '2026-11-21';

export interface SynthOptions {
  /** Number of channel rows. */
  readonly channels: number;
  readonly seed: string;
  /** The "as of" day (YYYY-MM-DD): no date in the data is later, except a closing channel's planned closure. */
  readonly today: string;
  /** Output root: data/ and content/ are written inside it. */
  readonly out: string;
}

export interface SynthSummary {
  readonly channels: number;
  readonly files: number;
  readonly notices: number;
  readonly sources: number;
  readonly byStatus: Record<Status, number>;
  readonly byReason: Partial<Record<Reason, number>>;
  readonly byPlatform: Partial<Record<Platform, number>>;
  readonly byLevel: Partial<Record<Level, number>>;
  /** Closures whose redirects pass through another closed channel. */
  readonly multiHop: number;
}

/** Share of channels run by central bodies (capped by how many accounts they can have). */
const CENTRAL_SHARE = 0.006;

export function writeSyntheticDataset(options: SynthOptions): SynthSummary {
  const { channels: total, seed, out } = options;
  if (!Number.isSafeInteger(total) || total < 1) throw new Error(`--channels must be a whole number of 1 or more, not ${total}`);
  const today = dayNumber(options.today);
  const dataDir = join(out, 'data');
  const contentDir = join(out, 'content');
  prepareOutput(dataDir, contentDir);
  const channelsDir = join(dataDir, 'channels');
  const noticesDir = join(contentDir, 'notices');
  mkdirSync(channelsDir, { recursive: true });
  mkdirSync(noticesDir, { recursive: true });

  const geography = new Geography();
  const sources = new SourceBook();
  const ctx: UnitContext = { geography, sources, today, ids: new Set() };
  const summary = emptySummary();

  const writeUnit = (stem: string, made: MadeChannel[], rng: Random) => {
    for (const notice of attachNotices(made, rng)) {
      writeFileSync(join(noticesDir, `${notice.slug}.md`), notice.text);
      summary.notices++;
    }
    made.sort((a, b) => compare(a.row.region, b.row.region) || compare(a.row.id, b.row.id));
    const writer = new CsvFileWriter(join(channelsDir, `${stem}.csv`), CHANNEL_COLUMNS);
    for (const m of made) {
      writer.line(CHANNEL_COLUMNS.map((column) => m.row[column]));
      sources.use(m.row.source);
      count(summary, m);
    }
    writer.close();
    summary.files++;
  };

  const centralRng = new Random(streamSeed(seed, 'central'));
  const centralIssuer: Issuer = { stem: 'central', office: '国务院办公厅政府信息与政务公开办公室', area: '', host: 'www.gov.cn.example' };
  const central = new UnitGenerator(ctx, centralRng, centralIssuer).central(Math.min(total, Math.max(1, Math.round(total * CENTRAL_SHARE))));
  writeUnit('central', central, centralRng);

  // provinces get the rest in proportion to how many counties and townships they have
  const provinces = geography.provinces;
  const quotas = largestRemainder(
    provinces.map((p) => 20 + p.counties.length + p.townships.length / 6),
    total - central.length,
  );
  provinces.forEach((area, i) => {
    const rng = new Random(streamSeed(seed, area.code));
    const issuer: Issuer = { stem: area.fileStem, office: `${area.name}人民政府办公厅`, area: area.name, host: `www.${area.fileStem}.gov.cn.example` };
    writeUnit(area.fileStem, new UnitGenerator(ctx, rng, issuer).province(area, quotas[i]!), rng);
  });

  const events = new CsvFileWriter(join(dataDir, 'events.csv'), EVENT_COLUMNS);
  for (const e of policyEvents(sources)) {
    events.line(EVENT_COLUMNS.map((c) => e[c]));
    sources.use(e.source);
  }
  events.close();
  const sourceRows = sources.rows();
  const sourceFile = new CsvFileWriter(join(dataDir, 'sources.csv'), SOURCE_COLUMNS);
  for (const s of sourceRows) sourceFile.line(SOURCE_COLUMNS.map((c) => s[c]));
  sourceFile.close();
  summary.sources = sourceRows.length;

  const marker = { generator: GENERATOR, seed: /^\d+$/.test(seed) ? Number(seed) : seed, channels: total, today: options.today };
  writeFileSync(join(dataDir, SYNTHETIC_MARKER), `${JSON.stringify(marker, null, 2)}\n`);
  return summary;
}

/**
 * Clears a previous synthetic dataset (its marker proves it is one), so no file of an earlier,
 * larger run survives. Refuses to touch a data folder that is not synthetic.
 */
function prepareOutput(dataDir: string, contentDir: string): void {
  if (existsSync(dataDir)) {
    if (!existsSync(join(dataDir, SYNTHETIC_MARKER))) {
      throw new Error(`${dataDir} exists and is not a synthetic dataset (no ${SYNTHETIC_MARKER}); choose another --out`);
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(join(contentDir, 'notices'), { recursive: true, force: true });
  } else if (existsSync(join(contentDir, 'notices'))) {
    throw new Error(`${contentDir}/notices exists but ${dataDir} does not; choose another --out`);
  }
}

type MutableSummary = { -readonly [K in keyof SynthSummary]: SynthSummary[K] };

function emptySummary(): MutableSummary {
  return {
    channels: 0,
    files: 0,
    notices: 0,
    sources: 0,
    byStatus: { active: 0, dormant: 0, closing: 0, closed: 0 },
    byReason: {},
    byPlatform: {},
    byLevel: {},
    multiHop: 0,
  };
}

function count(summary: MutableSummary, m: MadeChannel): void {
  const row = m.row;
  summary.channels++;
  summary.byStatus[row.status as Status]++;
  if (m.reason) summary.byReason[m.reason] = (summary.byReason[m.reason] ?? 0) + 1;
  summary.byPlatform[m.platform] = (summary.byPlatform[m.platform] ?? 0) + 1;
  summary.byLevel[row.level as Level] = (summary.byLevel[row.level as Level] ?? 0) + 1;
  if (m.viaClosed) summary.multiHop++;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
