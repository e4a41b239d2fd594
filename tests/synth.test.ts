/**
 * The synthetic dataset generator: deterministic, valid by the validator's own rules, and
 * realistic where later stages rely on it (every closure reason, multi-hop redirect chains,
 * levels that fit their regions, all three date precisions).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYNTHETIC_MARKER } from '../src/domain/load.ts';
import { checkDataset, type CheckedDataset } from '../src/domain/pipeline.ts';
import { builtinRegionEntries, kindOfCode, LEVELS_FOR_KIND } from '../src/domain/regions.ts';
import { LIVE_STATUSES, REASONS, SUCCESSOR_RULES } from '../src/domain/vocabulary.ts';
import { largestRemainder } from '../src/synth/channels.ts';
import { writeSyntheticDataset, type SynthSummary } from '../src/synth/dataset.ts';
import { slugify } from '../src/synth/geography.ts';
import { Random, streamSeed } from '../src/synth/random.ts';

const TODAY = '2026-11-21';

function generate(channels: number, seed: string): { root: string; summary: SynthSummary } {
  const root = mkdtempSync(join(tmpdir(), 'synth-test-'));
  const summary = writeSyntheticDataset({ channels, seed, today: TODAY, out: root });
  return { root, summary };
}

function check(root: string): CheckedDataset {
  return checkDataset({ dataDir: join(root, 'data'), contentDir: join(root, 'content') }, { today: TODAY });
}

/** Every file under `root`, by relative path. */
function files(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(relative(root, path), readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return out;
}

describe('determinism', () => {
  it('writes byte-identical files for the same seed and size, and different ones for another seed', () => {
    const a = files(generate(400, 'alpha').root);
    const b = files(generate(400, 'alpha').root);
    const c = files(generate(400, 'beta').root);
    expect(a.size).toBeGreaterThan(30);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [path, text] of a) expect(b.get(path), path).toBe(text);
    const changed = [...a.keys()].filter((path) => path.startsWith('data/channels/') && c.get(path) !== a.get(path));
    expect(changed.length).toBeGreaterThan(10);
  });

  it('draws the same numbers from the same seed', () => {
    const draw = (seed: number) => {
      const rng = new Random(seed);
      return Array.from({ length: 5 }, () => rng.next());
    };
    expect(draw(streamSeed('1', '370000'))).toEqual(draw(streamSeed('1', '370000')));
    expect(draw(streamSeed('1', '370000'))).not.toEqual(draw(streamSeed('1', '440000')));
    for (const x of draw(7)) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('a small dataset', () => {
  it('validates with no error and no warning, at exactly the requested size', () => {
    for (const [n, seed] of [[50, '1'], [1, '2'], [137, 'x']] as const) {
      const { root, summary } = generate(n, seed);
      const checked = check(root);
      expect(checked.diagnostics.items, `n=${n}`).toEqual([]);
      expect(checked.dataset.loaded.channels).toHaveLength(n);
      expect(summary.channels).toBe(n);
      expect(checked.dataset.loaded.synthetic).toBe(true);
    }
  });

  it('writes one file per mainland province plus central bodies, and the marker', () => {
    const { root } = generate(50, '1');
    const channelFiles = readdirSync(join(root, 'data/channels')).sort();
    expect(channelFiles).toHaveLength(32);
    expect(channelFiles).toContain('central.csv');
    expect(channelFiles).toContain('shandong.csv');
    expect(channelFiles).toContain('inner-mongolia.csv');
    expect(channelFiles).not.toContain('taiwan.csv');
    expect(JSON.parse(readFileSync(join(root, 'data', SYNTHETIC_MARKER), 'utf8'))).toMatchObject({ generator: 'scripts/synth.ts', seed: 1, channels: 50 });
  });

  it('refuses to overwrite a data folder that is not synthetic', () => {
    const root = mkdtempSync(join(tmpdir(), 'synth-test-'));
    mkdirSync(join(root, 'data'));
    writeFileSync(join(root, 'data/sources.csv'), 'id,title,publisher,date,url,archive\n');
    expect(() => writeSyntheticDataset({ channels: 10, seed: '1', today: TODAY, out: root })).toThrow(/not a synthetic dataset/);
    expect(readFileSync(join(root, 'data/sources.csv'), 'utf8')).toBe('id,title,publisher,date,url,archive\n');
  });
});

describe('a national dataset (3,000 channels)', () => {
  let checked: CheckedDataset;
  let summary: SynthSummary;
  let root: string;
  beforeAll(() => {
    ({ root, summary } = generate(3000, '42'));
    checked = check(root);
  });
  const channels = () => checked.dataset.loaded.channels;

  it('validates with no error and no warning', () => {
    expect(checked.diagnostics.items).toEqual([]);
    expect(channels()).toHaveLength(3000);
  });

  it('has closures for every reason, each with a successor count its reason allows', () => {
    const closures = channels().filter((c) => c.status === 'closed' || c.status === 'closing');
    expect(new Set(closures.map((c) => c.reason))).toEqual(new Set(REASONS));
    for (const c of closures) {
      const rule = SUCCESSOR_RULES[c.reason!];
      const count = c.redirect?.length ?? 0;
      expect(count >= rule.min && count <= rule.max, `${c.id}: ${c.reason} with ${count}`).toBe(true);
    }
    // the wave: about a fifth closing or closed, most of them from December 2023 on
    const share = closures.length / channels().length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.25);
    const inWave = closures.filter((c) => (c.announced ?? c.closed)!.value >= '2023-12');
    expect(inWave.length / closures.length).toBeGreaterThan(0.8);
    expect(closures.filter((c) => c.status === 'closing').length).toBeGreaterThan(0);
  });

  it('has redirect chains of two or more hops that end at live channels or web addresses', () => {
    const { resolver, channelsById } = checked.dataset;
    let multiHop = 0;
    for (const c of channels()) {
      if (!c.redirect?.length) continue;
      const resolution = resolver.resolve(c.id);
      expect(resolution.endpoints.length, c.id).toBeGreaterThan(0);
      resolution.endpoints.forEach((endpoint, i) => {
        if (endpoint.kind === 'channel') expect(LIVE_STATUSES).toContain(channelsById.get(endpoint.id)!.status);
        else expect(endpoint.url).toMatch(/^https:\/\/[^/]+\.example\//);
        if (resolution.chains[i]!.length >= 3) multiHop++;
      });
    }
    expect(multiHop).toBeGreaterThan(0);
    expect(summary.multiHop).toBeGreaterThan(0);
  });

  it('gives every channel a real region and a level that fits it, weighted toward counties and townships', () => {
    const known = new Set(builtinRegionEntries().map((e) => e.code));
    for (const c of channels()) {
      expect(known.has(c.region), c.region).toBe(true);
      expect(LEVELS_FOR_KIND[kindOfCode(c.region)], `${c.id} ${c.region}`).toContain(c.level);
    }
    const count = (levels: string[]) => channels().filter((c) => levels.includes(c.level)).length;
    expect(count(['county', 'township', 'community'])).toBeGreaterThan(count(['central', 'provincial', 'prefectural']) * 2);
    expect(count(['community'])).toBeGreaterThan(0);
    expect(count(['central'])).toBeGreaterThan(0);
  });

  it('uses WeChat and Weibo most, and has apps and mini-programs', () => {
    const byPlatform = new Map<string, number>();
    for (const c of channels()) byPlatform.set(c.platform, (byPlatform.get(c.platform) ?? 0) + 1);
    const ranked = [...byPlatform].sort((a, b) => b[1] - a[1]).map(([p]) => p);
    expect(ranked.slice(0, 2).sort()).toEqual(['wechat', 'weibo']);
    expect(byPlatform.get('app')).toBeGreaterThan(0);
    expect(byPlatform.get('mini-program')).toBeGreaterThan(0);
  });

  it('records closure dates to the day, the month or only the year', () => {
    const precisions = new Set(channels().flatMap((c) => (c.closed && c.status === 'closed' ? [c.closed.precision] : [])));
    expect(precisions).toEqual(new Set(['day', 'month', 'year']));
  });

  it('writes notices that name their channels, which name them back', () => {
    const notices = checked.dataset.loaded.notices;
    expect(notices.length).toBeGreaterThan(5);
    for (const n of notices) {
      for (const id of n.channels) expect(checked.dataset.channelsById.get(id)!.notice).toBe(n.slug);
      expect(n.body.length).toBeGreaterThan(20);
    }
  });

  it('names agencies in Chinese with English names, and never links a real host', () => {
    for (const c of channels()) {
      expect(c.agency).toMatch(/[\u4e00-\u9fff]/);
      expect(c.agency_en).toMatch(/^[A-Z0-9]/);
      expect(c.name).toMatch(/[\u4e00-\u9fff]/);
      for (const url of [c.url, ...(c.redirect ?? []).map((r) => (r.kind === 'url' ? r.url : undefined))]) {
        if (url) expect(new URL(url).hostname.endsWith('.example'), url).toBe(true);
      }
      expect(c.source.some((ref) => ref.kind === 'id')).toBe(true);
    }
    const agencies = new Set(channels().map((c) => c.agency));
    expect([...agencies].some((a) => a.endsWith('公安局'))).toBe(true);
    expect([...agencies].some((a) => a.endsWith('人民政府'))).toBe(true);
    expect(checked.dataset.loaded.events.map((e) => e.date.value)).toEqual(['2013', '2014', '2018-12', '2023-12', '2024-08']);
    for (const s of checked.dataset.loaded.sources) if (s.url) expect(new URL(s.url).hostname.endsWith('.example')).toBe(true);
  });
});

describe('helpers', () => {
  it('splits a total in proportion, summing exactly', () => {
    expect(largestRemainder([1, 1, 1], 10)).toEqual([4, 3, 3]);
    expect(largestRemainder([3, 1], 4)).toEqual([3, 1]);
    expect(largestRemainder([0.03, 0.12, 0.45], 1).reduce((a, b) => a + b, 0)).toBe(1);
    expect(largestRemainder([1, 2], 0)).toEqual([0, 0]);
  });

  it('makes slugs that are valid ids', () => {
    expect(slugify("Xi'an")).toBe('xian');
    expect(slugify('Wuhua District')).toBe('wuhua-district');
    expect(slugify('Inner Mongolia')).toBe('inner-mongolia');
  });
});
