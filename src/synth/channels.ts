/**
 * Channel rows for one output file (a province, or the central bodies): the bodies that run
 * channels, their accounts on each platform, and what happened to them (the closure wave
 * from December 2023, renames, mergers into the level above, redirect chains).
 *
 * Rows are made in an order where every redirect target comes before the rows that point at
 * it (levels top-down; inside a body, live accounts and successors before the closed
 * accounts that lead to them). So cutting the list to fit the requested size never leaves a
 * redirect pointing at a row that was cut, and chains can only point backwards: no cycles.
 */
import type { DatePrecision } from '../domain/approx-date.ts';
import type { ChannelFields } from '../domain/schemas/channel.ts';
import { SUCCESSOR_RULES, type Level, type Platform, type Reason, type Status } from '../domain/vocabulary.ts';
import {
  CENTRAL_BODIES,
  CLOSURE_FACTOR,
  LOCAL_DEPARTMENTS,
  OPENING_YEARS,
  PLATFORM_WEIGHTS,
  PLATFORM_ZH,
  RESTRICTED_PLATFORMS,
  SETTLEMENT_SUFFIXES,
  SURNAMES,
  TOWNSHIP_DEPARTMENTS,
  VILLAGE_PREFIXES,
  VILLAGE_WORDS,
  type Department,
  type LocalTier,
} from './catalogue.ts';
import { dayNumber, formatDay, quarterOf, yearOf } from './days.ts';
import type { Geography, ProvinceArea } from './geography.ts';
import type { Random } from './random.ts';
import type { Issuer, SourceBook } from './sources.ts';

export type ChannelColumn = keyof ChannelFields;
export type ChannelRow = Record<ChannelColumn, string>;

/** One closure as it happened: shared by the accounts a body closed together. */
export interface ClosureEvent {
  readonly status: 'closed' | 'closing';
  /** The day it happened (announced, or took effect). */
  readonly day: number;
  readonly announced: string;
  readonly closed: string;
  /** Day it was announced, when known. */
  readonly announcedDay?: number;
  /** Day the closure took effect or takes effect, when known. */
  readonly effectiveDay?: number;
  /** Whether a notice file is written for it. */
  readonly noticed: boolean;
}

/** A generated row with what the notice writer needs to know about it. */
export interface MadeChannel {
  readonly row: ChannelRow;
  readonly event?: ClosureEvent;
  readonly agency: string;
  readonly platform: Platform;
  /** For closures: the names of where to go instead (notice text). */
  readonly successorNames: readonly string[];
  readonly reason?: Reason;
  /** Its redirects pass through another closed row (a multi-hop chain). */
  readonly viaClosed: boolean;
}


interface Target {
  readonly id: string;
  /** The body it belongs to (its id prefix). */
  readonly owner: string;
  readonly name: string;
  readonly platform: Platform;
  /** Active: a place to go. Otherwise a closed row whose redirects reach a live one. */
  readonly live: boolean;
}

interface Body {
  readonly region: string;
  readonly level: Level;
  readonly deptKey: string;
  readonly flagship: boolean;
  readonly agency: string;
  readonly agencyEn: string;
  /** Account names this body uses. */
  readonly names: readonly string[];
  readonly nameEn: string;
  /** Id prefix: rongcheng-police. */
  readonly idBase: string;
  /** The body's page on its region's (example) website. */
  readonly site: string;
  readonly platforms: readonly Platform[];
  readonly handleStem: string;
}

export interface UnitContext {
  readonly geography: Geography;
  readonly sources: SourceBook;
  readonly today: number;
  /** Every id handed out so far, across files. */
  readonly ids: Set<string>;
}

const LEVEL_SHARES: readonly (readonly [Level, number])[] = [
  ['provincial', 0.03],
  ['prefectural', 0.12],
  ['county', 0.45],
  ['township', 0.28],
  ['community', 0.12],
];

/** Base chance that a channel at a level was closed or is closing (the wave hit the grassroots hardest). */
const CLOSURE_BASE: Record<Level, number> = {
  central: 0.05,
  provincial: 0.08,
  prefectural: 0.12,
  county: 0.17,
  township: 0.24,
  community: 0.3,
};

/** Chance that a closure comes with a notice file. */
const NOTICE_CHANCE: Record<Level, number> = {
  central: 0.3,
  provincial: 0.2,
  prefectural: 0.1,
  county: 0.045,
  township: 0.025,
  community: 0.015,
};

const AUDIENCE: Record<Level, number> = {
  central: 13,
  provincial: 11.5,
  prefectural: 10,
  county: 8.3,
  township: 6.3,
  community: 5,
};

const REASON_WEIGHTS_WAVE: readonly (readonly [Reason, number])[] = [
  ['discontinued', 30],
  ['merged', 25],
  ['moved', 10],
  ['replaced', 9],
  ['renamed', 8],
  ['abolished', 7],
  ['split', 4],
  ['compromised', 2],
];
const REASON_WEIGHTS_EARLIER: readonly (readonly [Reason, number])[] = [
  ['discontinued', 30],
  ['renamed', 20],
  ['compromised', 15],
  ['merged', 12],
  ['moved', 10],
  ['abolished', 10],
  ['replaced', 3],
];

/** Relative weight of each month of the closure wave, from 2023-12: a peak in mid-2024. */
const WAVE_MONTHS = [5, 7, 7, 9, 10, 11, 12, 12, 11, 10, 9, 8, 7, 5, 5, 4, 4, 4, 3, 3, 3, 3, 2, 2, 2];
const WAVE_TAIL = 1.5;
const WAVE_START = dayNumber('2023-12-01');
const EARLIER_START = dayNumber('2015-01-01');

export class UnitGenerator {
  private readonly ctx: UnitContext;
  private readonly rng: Random;
  private readonly issuer: Issuer;
  private readonly made: MadeChannel[] = [];
  /** Redirect targets by "region|dept" and "region|*" (the region's flagship bodies). */
  private readonly targets = new Map<string, Target[]>();
  /** Live rows by region, for splits. */
  private readonly liveInRegion = new Map<string, Target[]>();
  private readonly villageNames = new Map<string, Set<string>>();
  /** Months of the wave up to today (0 = December 2023) and the day each starts. */
  private readonly waveMonths: number[] = [];
  private readonly waveMonthStarts: number[] = [];

  constructor(ctx: UnitContext, rng: Random, issuer: Issuer) {
    this.ctx = ctx;
    this.rng = rng;
    this.issuer = issuer;
    for (let m = 0; dayOfMonth(m) <= ctx.today; m++) {
      this.waveMonths.push(m);
      this.waveMonthStarts.push(dayOfMonth(m));
    }
  }

  /** The central bodies' channels: at most `budget`, fewer when the bodies run out. */
  central(budget: number): MadeChannel[] {
    const bodies = this.ordered(CENTRAL_BODIES, (b) => b.weight);
    let left = budget;
    for (const b of bodies) {
      if (left <= 0) break;
      left -= this.addBody(
        {
          region: '100000',
          level: 'central',
          deptKey: b.key,
          flagship: b.flagship === true,
          agency: b.zh,
          agencyEn: b.en,
          names: b.names,
          nameEn: b.en,
          idBase: b.key,
          site: `https://${b.host}/`,
          platforms: this.platformsFor('central', ['app', 'mini-program', 'website']),
          handleStem: b.key.replace(/-/g, ''),
        },
        left,
      );
    }
    return this.made;
  }

  /** A province's channels: exactly `budget` of them, top-down through the levels. */
  province(area: ProvinceArea, budget: number): MadeChannel[] {
    const shares = LEVEL_SHARES.map(([level, share]) => [level, share * budget] as const);
    const quotas = largestRemainder(shares.map(([, share]) => share), budget);
    let carry = 0;
    LEVEL_SHARES.forEach(([level], i) => {
      carry = this.fillLevel(area, level, quotas[i]! + carry);
    });
    if (carry > 0) throw new Error(`${area.name}: ${carry} channels could not be placed`);
    return this.made;
  }

  /** Adds bodies of one level until `quota` rows exist; returns what could not be placed. */
  private fillLevel(area: ProvinceArea, level: Level, quota: number): number {
    let left = quota;
    if (left <= 0) return left;
    if (level === 'community') {
      if (area.townships.length === 0) return left;
      while (left > 0) left -= this.addBody(this.villageBody(this.rng.pick(area.townships)), left);
      return left;
    }
    const tier = level as LocalTier;
    const regions = level === 'provincial' ? [area.code] : level === 'prefectural' ? area.prefectures : level === 'county' ? area.counties : area.townships;
    const departments = level === 'township' ? TOWNSHIP_DEPARTMENTS : LOCAL_DEPARTMENTS.filter((d) => d.zh[tier] !== undefined);
    const pairs: { region: string; dept: Department; key: number }[] = [];
    // weighted order without replacement (Efraimidis–Spirakis keys)
    for (const region of regions) {
      for (const dept of departments) pairs.push({ region, dept, key: Math.log(1 - this.rng.next()) / dept.weight });
    }
    pairs.sort((a, b) => b.key - a.key || (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));
    for (const { region, dept } of pairs) {
      if (left <= 0) break;
      left -= this.addBody(this.localBody(area, region, level, dept), left);
    }
    return left;
  }

  private localBody(area: ProvinceArea, region: string, level: Level, dept: Department): Body {
    const geo = this.ctx.geography;
    const tier = level as LocalTier;
    const name = geo.name(region);
    const nameEn = geo.english(region);
    const short = geo.short(region);
    let zh = (area.municipality && level === 'provincial' ? dept.zh.prefectural : undefined) ?? dept.zh[tier]!;
    let en = (area.municipality && level === 'provincial' ? dept.en.prefectural : undefined) ?? dept.en[tier]!;
    if (level === 'township' && dept.key === 'gov') [zh, en] = townshipGovernment(name);
    const county = geo.parent(region) ?? region;
    const fill = (template: string, n: string) =>
      template.replaceAll('{n}', n).replaceAll('{s}', short).replaceAll('{c}', geo.name(county)).replaceAll('{p}', name.endsWith('自治区') ? 'Regional' : 'Provincial');
    const slug = geo.slug(region);
    const site = this.regionSite(region);
    return {
      region,
      level,
      deptKey: dept.key,
      flagship: dept.flagship === true,
      agency: fill(zh, name),
      agencyEn: fill(en, nameEn),
      names: dept.styles.map((s) => fill(s, name)),
      nameEn: `${nameEn} ${dept.enShort}`,
      idBase: `${slug}-${dept.key}`,
      site: dept.flagship ? site : `${site}${dept.key}/`,
      platforms: this.platformsFor(level, dept.extras ?? []),
      handleStem: `${slug.replace(/-/g, '').slice(0, 14)}${dept.key.replace(/-/g, '').slice(0, 6)}`,
    };
  }

  /** A village or residents' committee in a township, with a name not yet used there. */
  private villageBody(township: string): Body {
    const geo = this.ctx.geography;
    const name = geo.name(township);
    const urban = /街道$/.test(name);
    let used = this.villageNames.get(township);
    if (!used) this.villageNames.set(township, (used = new Set()));
    let zh = '';
    let py = '';
    for (let attempt = 0; attempt < 50; attempt++) {
      if (!urban && this.rng.chance(0.45)) {
        const [s, sPy] = this.rng.pick(SURNAMES);
        const [x, xPy] = this.rng.pick(SETTLEMENT_SUFFIXES);
        [zh, py] = [s + x, sPy + xPy];
      } else {
        const [p, pPy] = this.rng.pick(VILLAGE_PREFIXES);
        const [w, wPy] = this.rng.pick(VILLAGE_WORDS);
        [zh, py] = [p + w, p ? pPy + wPy.toLowerCase() : wPy];
      }
      if (!used.has(zh)) break;
      zh = `${zh}${used.size + 1}`; // a numbered committee when common names run out
      py = `${py}${used.size + 1}`;
      if (!used.has(zh)) break;
    }
    used.add(zh);
    const unit = urban ? '社区' : '村';
    const slug = geo.slug(township);
    const key = `${py.toLowerCase().replace(/[^a-z0-9]+/g, '')}-${urban ? 'community' : 'village'}`;
    const styles = urban ? [`${zh}社区`, `${zh}社区服务`, `${zh}邻里`] : [`${zh}村`, `${zh}村务公开`, `美丽${zh}`];
    return {
      region: township,
      level: 'community',
      deptKey: key,
      flagship: false,
      agency: `${name}${zh}${unit}${urban ? '居民委员会' : '村民委员会'}`,
      agencyEn: `${py} ${urban ? "Community Residents' Committee" : 'Village Committee'}, ${geo.english(township)}`,
      names: styles,
      nameEn: `${py} ${urban ? 'Community' : 'Village'}`,
      idBase: `${slug}-${key}`,
      site: `${this.regionSite(township)}${key}/`,
      platforms: [this.rng.choose<Platform>([['wechat', 80], ['douyin', 10], ['wechat-channels', 6], ['kuaishou', 4]])],
      handleStem: `${slug.replace(/-/g, '').slice(0, 12)}${py.toLowerCase().replace(/[^a-z]/g, '').slice(0, 8)}`,
    };
  }

  private regionSite(region: string): string {
    const geo = this.ctx.geography;
    if (geo.kind(region) === 'township') {
      const parent = geo.parent(region) ?? region;
      return `https://www.${geo.slug(parent)}.gov.cn.example/${geo.slug(region)}/`;
    }
    return `https://www.${geo.slug(region)}.gov.cn.example/`;
  }

  private platformsFor(level: Level, extras: readonly Platform[]): Platform[] {
    const available = PLATFORM_WEIGHTS.filter(([p]) => !RESTRICTED_PLATFORMS.has(p) || extras.includes(p));
    const count =
      level === 'central' || level === 'provincial'
        ? this.rng.int(2, 6)
        : level === 'prefectural'
          ? this.rng.int(2, 5)
          : level === 'county'
            ? this.rng.choose([[1, 25], [2, 35], [3, 25], [4, 15]])
            : this.rng.choose([[1, 65], [2, 35]]);
    // apps and websites are the body's own: likelier for bodies that list them
    const boost = (p: Platform) => (extras.includes(p) ? 4 : 1);
    return this.rng.sample(available, count, ([p, w]) => w * boost(p)).map(([p]) => p);
  }

  /** Makes a body's rows (at most `room`) and registers them; returns how many were kept. */
  private addBody(body: Body, room: number): number {
    const group: MadeChannel[] = [];
    const groupTargets: Target[] = [];
    const nameIndex = this.rng.chance(0.75) ? 0 : this.rng.int(0, body.names.length - 1);
    const closures: Platform[] = [];
    for (const platform of body.platforms) {
      const p = CLOSURE_BASE[body.level] * CLOSURE_FACTOR[platform];
      if (this.rng.chance(p)) {
        closures.push(platform);
        continue;
      }
      const status: Status = this.rng.chance(0.05) ? 'dormant' : 'active';
      const made = this.channel(body, platform, body.names[nameIndex]!, status, { id: `${body.idBase}-${platform}` });
      group.push(made);
      if (status === 'active') groupTargets.push({ id: made.row.id, owner: body.idBase, name: made.row.name, platform, live: true });
    }
    // bodies often close several accounts with one notice
    const shared = closures.length > 1 && this.rng.chance(0.5) ? this.closureEvent(body.level, closures) : undefined;
    for (const platform of closures) {
      const event = shared ?? this.closureEvent(body.level, platform);
      this.closeChannel(body, platform, body.names[nameIndex]!, event, group, groupTargets);
    }

    const kept = group.slice(0, room);
    for (const made of kept) this.register(body, made);
    this.made.push(...kept);
    return kept.length;
  }

  /** Adds a closed (or closing) account and whatever it leads to. */
  private closeChannel(body: Body, platform: Platform, name: string, event: ClosureEvent, group: MadeChannel[], groupTargets: Target[]): void {
    const earlier = event.day < WAVE_START;
    let reason = this.rng.choose(earlier ? REASON_WEIGHTS_EARLIER : REASON_WEIGHTS_WAVE);
    const redirect: string[] = [];
    const names: string[] = [];
    let viaClosed = false;
    const toTarget = (t: Target) => {
      redirect.push(t.id);
      names.push(`“${t.name}”${PLATFORM_ZH[t.platform]}`);
      if (!t.live) viaClosed = true;
    };
    const toSite = (url: string) => {
      if (!redirect.includes(url)) redirect.push(url);
      names.push(url);
    };
    const successor = (generations: number) => toTarget(this.successors(body, platform, name, event, generations, group));

    switch (reason) {
      case 'renamed':
        successor(this.rng.chance(0.2) ? 2 : 1);
        break;
      case 'merged': {
        // merged into another body's account; moving to the body's own other account is "moved"
        const target = this.mergeTarget(body, platform, []);
        if (target) toTarget(target);
        else {
          reason = 'moved';
          if (groupTargets.length > 0) toTarget(this.rng.pick(groupTargets));
          else toSite(this.regionSite(body.region));
        }
        break;
      }
      case 'replaced':
        if (this.rng.chance(0.5)) successor(1);
        else toTarget(this.mergeTarget(body, platform, groupTargets) ?? this.successors(body, platform, name, event, 1, group));
        if (this.rng.chance(0.3)) toSite(body.site);
        break;
      case 'moved':
        if (groupTargets.length > 0 && this.rng.chance(0.6)) toTarget(this.rng.pick(groupTargets));
        if (redirect.length === 0 || this.rng.chance(0.5)) toSite(body.site);
        break;
      case 'split': {
        const pool = this.splitCandidates(body, platform);
        const chosen = this.rng.sample(pool, this.rng.int(2, 3), () => 1);
        if (chosen.length >= 2) chosen.forEach(toTarget);
        else {
          reason = 'discontinued';
          toSite(body.site);
        }
        break;
      }
      case 'abolished':
        if (this.rng.chance(0.4)) {
          const target = this.flagshipTarget(body, platform);
          if (target) toTarget(target);
          else toSite(this.regionSite(body.region));
        }
        break;
      case 'discontinued': {
        const roll = this.rng.next();
        if (roll < 0.25) toSite(body.site);
        else if (roll < 0.45) {
          const target = this.mergeTarget(body, platform, groupTargets);
          if (target) toTarget(target);
        }
        break;
      }
      case 'compromised':
        if (this.rng.chance(0.5)) successor(1);
        break;
    }
    const rule = SUCCESSOR_RULES[reason];
    if (redirect.length < rule.min || redirect.length > rule.max) throw new Error(`internal: ${reason} with ${redirect.length} targets`);

    const made = this.channel(body, platform, name, event.status, { id: `${body.idBase}-${platform}`, event, reason, redirect, successorNames: names, viaClosed });
    group.push(made);
    if (redirect.length > 0) groupTargets.push({ id: made.row.id, owner: body.idBase, name: made.row.name, platform, live: false });
  }

  /**
   * The accounts that replace a closed one on the same platform: one new account, or (for
   * generations 2) a renamed account that was itself renamed later, so the chain is
   * old → middle (closed) → current. Returns the first hop.
   */
  private successors(body: Body, platform: Platform, oldName: string, event: ClosureEvent, generations: number, group: MadeChannel[]): Target {
    const others = body.names.filter((n) => n !== oldName);
    const newName = others.length > 0 ? this.rng.pick(others) : `${oldName}发布`;
    const opened = event.announcedDay ?? event.effectiveDay ?? event.day;
    if (generations === 1 || opened > this.ctx.today - 200) {
      const current = this.channel(body, platform, newName, 'active', { id: `${body.idBase}-${platform}-new`, openedDay: Math.min(opened, this.ctx.today) });
      group.push(current);
      return { id: current.row.id, owner: body.idBase, name: current.row.name, platform, live: true };
    }
    // the middle account opened at the first closure and was itself renamed later
    const secondDay = this.rng.int(opened + 60, this.ctx.today - 30);
    const second = this.eventOn(secondDay, body.level);
    const thirdName = body.names.find((n) => n !== oldName && n !== newName) ?? `${newName}（新）`;
    const current = this.channel(body, platform, thirdName, 'active', { id: `${body.idBase}-${platform}-new`, openedDay: second.announcedDay ?? second.day });
    group.push(current);
    const middle = this.channel(body, platform, newName, second.status, {
      id: `${body.idBase}-${platform}-${yearOf(opened)}`,
      openedDay: opened,
      event: second,
      reason: 'renamed',
      redirect: [current.row.id],
      successorNames: [current.row.name],
      viaClosed: false,
    });
    group.push(middle);
    return { id: middle.row.id, owner: body.idBase, name: middle.row.name, platform, live: false };
  }

  /** Where a merged account goes: the same body one level up, else that level's main voice. */
  private mergeTarget(body: Body, platform: Platform, groupTargets: readonly Target[]): Target | undefined {
    const geo = this.ctx.geography;
    const up = body.level === 'community' ? body.region : body.level === 'central' || body.level === 'provincial' ? undefined : geo.parent(body.region);
    const tiers: (readonly Target[])[] = [];
    if (up !== undefined) {
      const sameDept = this.targets.get(`${up}|${body.deptKey}`) ?? [];
      const flagship = this.targets.get(`${up}|*`) ?? [];
      tiers.push(sameDept.filter((t) => t.platform === platform), flagship.filter((t) => t.platform === platform), sameDept, flagship);
    }
    const here = (this.targets.get(`${body.region}|*`) ?? []).filter((t) => t.owner !== body.idBase);
    tiers.push(here.filter((t) => t.platform === platform), here, groupTargets);
    for (const tier of tiers) {
      if (tier.length === 0) continue;
      // prefer a closed account that leads on (a multi-hop chain) now and then
      const onward = tier.filter((t) => !t.live);
      const live = tier.filter((t) => t.live);
      if (onward.length > 0 && (live.length === 0 || this.rng.chance(0.35))) return this.rng.pick(onward);
      return this.rng.pick(live);
    }
    return undefined;
  }

  /** A live account of the region's main voice (not the body's own). */
  private flagshipTarget(body: Body, platform: Platform): Target | undefined {
    const list = (this.targets.get(`${body.region}|*`) ?? []).filter((t) => t.live && t.owner !== body.idBase);
    const same = list.filter((t) => t.platform === platform);
    const pool = same.length > 0 ? same : list;
    return pool.length > 0 ? this.rng.pick(pool) : undefined;
  }

  /**
   * Live accounts of other bodies in the region (or the level above) that a split body's work
   * went to: one account per body, on the same platform where possible.
   */
  private splitCandidates(body: Body, platform: Platform): Target[] {
    const geo = this.ctx.geography;
    const onePerBody = (targets: readonly Target[]) => {
      const byOwner = new Map<string, Target>();
      for (const t of targets) {
        if (t.owner === body.idBase) continue;
        const kept = byOwner.get(t.owner);
        if (!kept || (kept.platform !== platform && t.platform === platform)) byOwner.set(t.owner, t);
      }
      return [...byOwner.values()];
    };
    const here = onePerBody((this.liveInRegion.get(body.region) ?? []).slice(-200));
    if (here.length >= 2) return here;
    const up = body.level === 'community' || body.level === 'central' || body.level === 'provincial' ? undefined : geo.parent(body.region);
    return up ? onePerBody([...(this.liveInRegion.get(body.region) ?? []).slice(-200), ...(this.liveInRegion.get(up) ?? []).slice(-200)]) : here;
  }

  private register(body: Body, made: MadeChannel): void {
    const live = made.row.status === 'active';
    if (!live && made.row.redirect === '') return;
    const target: Target = { id: made.row.id, owner: body.idBase, name: made.row.name, platform: made.platform, live };
    const push = (key: string, map: Map<string, Target[]>) => {
      let list = map.get(key);
      if (!list) map.set(key, (list = []));
      list.push(target);
    };
    push(`${body.region}|${body.deptKey}`, this.targets);
    if (body.flagship) push(`${body.region}|*`, this.targets);
    if (live) push(body.region, this.liveInRegion);
  }

  /** When the accounts on `platforms` closed: mostly in the wave, a few earlier (never before the platform was in use). */
  private closureEvent(level: Level, platforms: Platform | readonly Platform[]): ClosureEvent {
    const today = this.ctx.today;
    const firstYear = Math.max(...(typeof platforms === 'string' ? [platforms] : platforms).map((p) => OPENING_YEARS[p][0]));
    const earliest = Math.max(EARLIER_START, firstDayOf(firstYear + 1));
    let day: number;
    if (earliest < WAVE_START && this.rng.chance(0.1)) {
      day = this.rng.int(earliest, WAVE_START - 1);
    } else {
      const m = this.rng.weighted(this.waveMonths, (i) => WAVE_MONTHS[i] ?? WAVE_TAIL);
      day = Math.min(today, this.waveMonthStarts[m]! + this.rng.int(0, 27));
    }
    return this.eventOn(day, level);
  }

  private eventOn(day: number, level: Level): ClosureEvent {
    const today = this.ctx.today;
    const noticed = day >= WAVE_START && this.rng.chance(NOTICE_CHANCE[level]);
    // announced in the last six weeks, or stuck half-way: deactivation started, not done
    if (day > today - 45 || (day >= WAVE_START && this.rng.chance(0.03))) {
      const effectiveDay = this.rng.chance(0.5) || noticed ? day + this.rng.int(15, 60) : undefined;
      const announcedPrecision: DatePrecision = noticed || this.rng.chance(0.85) ? 'day' : 'month';
      return {
        status: 'closing',
        day,
        announced: formatDay(day, announcedPrecision),
        announcedDay: day,
        closed: effectiveDay === undefined ? '' : formatDay(effectiveDay, 'day'),
        effectiveDay,
        noticed,
      };
    }
    const closedPrecision: DatePrecision = noticed ? 'day' : this.rng.choose<DatePrecision>([['day', 55], ['month', 30], ['year', 15]]);
    const announcedDay = noticed || this.rng.chance(0.45) ? Math.max(EARLIER_START, day - this.rng.int(0, 30)) : undefined;
    const announcedPrecision: DatePrecision = noticed || this.rng.chance(0.9) ? 'day' : 'month';
    return {
      status: 'closed',
      day,
      announced: announcedDay === undefined ? '' : formatDay(announcedDay, announcedPrecision),
      announcedDay,
      closed: formatDay(day, closedPrecision),
      effectiveDay: day,
      noticed,
    };
  }

  private channel(
    body: Body,
    platform: Platform,
    name: string,
    status: Status,
    extra: { id: string; openedDay?: number; event?: ClosureEvent; reason?: Reason; redirect?: string[]; successorNames?: string[]; viaClosed?: boolean },
  ): MadeChannel {
    const rng = this.rng;
    const today = this.ctx.today;
    const id = this.uniqueId(extra.id);
    const event = extra.event;
    // the latest day this account can have opened: before any closure, and not in the future
    const bound = Math.min(today, event ? (event.announcedDay ?? event.day) - 30 : today);
    let opened = '';
    let openedDay = extra.openedDay;
    if (openedDay === undefined && rng.chance(0.9)) {
      const [from, to] = OPENING_YEARS[platform];
      const start = firstDayOf(from);
      const end = Math.min(bound, firstDayOf(to + 1) - 1);
      if (end >= start) openedDay = rng.int(start, end);
    }
    if (openedDay !== undefined) {
      opened = formatDay(openedDay, extra.openedDay !== undefined ? 'day' : rng.choose<DatePrecision>([['day', 35], ['month', 45], ['year', 20]]));
    }
    const lastKnown = Math.max(openedDay ?? 0, event ? Math.min(today, event.effectiveDay ?? event.day) : 0);
    const checkedDay = rng.chance(0.6) ? rng.int(Math.max(lastKnown, today - 540), today) : undefined;

    const source: string[] = [];
    const books = this.ctx.sources;
    if (event) source.push(books.closures(this.issuer, yearOf(event.announcedDay ?? event.day)));
    if (!event || rng.chance(0.3)) source.push(books.census(this.issuer, openedDay !== undefined && openedDay >= WAVE_START ? 2025 : 2023));
    if (checkedDay !== undefined && rng.chance(0.4)) source.push(books.inspection(this.issuer, yearOf(checkedDay), quarterOf(checkedDay)));
    if (event?.noticed && event.announcedDay !== undefined) source.push(`${this.regionSite(body.region)}tzgg/${formatDay(event.announcedDay, 'day').replace(/-/g, '')}/${id}.html`);

    const spread = rng.normal() * 1.3;
    const followers = rng.chance(0.65) ? String(Math.max(0, Math.round(Math.exp(AUDIENCE[body.level] + spread)))) : '';
    const posts = rng.chance(0.6) ? String(Math.max(0, Math.round(Math.exp(AUDIENCE[body.level] - 1.5 + spread * 0.6 + rng.normal() * 0.5)))) : '';

    const row: ChannelRow = {
      id,
      name,
      name_en: rng.chance(0.25) ? body.nameEn : '',
      agency: body.agency,
      agency_en: body.agencyEn,
      region: body.region,
      level: body.level,
      platform,
      handle: this.handle(body, platform),
      url: this.url(body, platform),
      status,
      opened,
      announced: event?.announced ?? '',
      closed: event?.closed ?? '',
      reason: extra.reason ?? '',
      redirect: (extra.redirect ?? []).join(';'),
      notice: '',
      followers,
      posts,
      source: source.join(';'),
      checked: checkedDay === undefined ? '' : formatDay(checkedDay, rng.chance(0.9) ? 'day' : 'month'),
      notes: this.note(extra.reason, event),
      notes_en: '',
    };
    return { row, event, agency: body.agency, platform, successorNames: extra.successorNames ?? [], reason: extra.reason, viaClosed: extra.viaClosed === true };
  }

  private note(reason: Reason | undefined, event: ClosureEvent | undefined): string {
    if (!reason || !event || !this.rng.chance(0.3)) return '';
    const y = yearOf(event.day);
    switch (reason) {
      case 'compromised':
        return `该账号于${y}年被他人盗用，发布内容与本机构无关，已申请平台冻结。`;
      case 'abolished':
        return '机构改革后主办单位撤销，职能划入其他部门。';
      case 'merged':
        return '按照“一个平台原则上只开设一个账号”的要求整合。';
      case 'discontinued':
        return '长期未更新，经自查后停止运营并申请注销。';
      case 'renamed':
        return '账号更名，原有粉丝和内容保留。';
      default:
        return '';
    }
  }

  private handle(body: Body, platform: Platform): string {
    const rng = this.rng;
    switch (platform) {
      case 'weibo':
        return rng.digits(10);
      case 'wechat':
        return rng.chance(0.5) ? `gh_${rng.hex(12)}` : `${body.handleStem}${rng.int(1, 999)}`;
      case 'wechat-channels':
        return `sph${rng.hex(8)}`;
      case 'douyin':
      case 'kuaishou':
        return `${body.handleStem}${rng.int(10, 9999)}`;
      case 'mini-program':
        return `wx${rng.hex(16)}`;
      case 'app':
        return `example.gov.${body.handleStem}.app`;
      case 'qq':
        return rng.digits(9);
      default:
        return '';
    }
  }

  private url(body: Body, platform: Platform): string {
    const rng = this.rng;
    switch (platform) {
      case 'weibo':
        return `https://weibo.com.example/u/${rng.digits(10)}`;
      case 'douyin':
        return `https://www.douyin.com.example/user/${rng.hex(24)}`;
      case 'kuaishou':
        return `https://www.kuaishou.com.example/profile/${rng.hex(12)}`;
      case 'toutiao':
        return `https://www.toutiao.com.example/c/user/${rng.digits(11)}/`;
      case 'bilibili':
        return `https://space.bilibili.com.example/${rng.digits(9)}`;
      case 'xiaohongshu':
        return `https://www.xiaohongshu.com.example/user/profile/${rng.hex(24)}`;
      case 'app':
        return `${body.site}app/`;
      case 'website':
        return body.site;
      default:
        return '';
    }
  }

  private uniqueId(candidate: string): string {
    let id = candidate;
    for (let n = 2; this.ctx.ids.has(id); n++) id = `${candidate}-${n}`;
    this.ctx.ids.add(id);
    return id;
  }

  /** Items in a weighted random order (Efraimidis–Spirakis). */
  private ordered<T>(items: readonly T[], weightOf: (item: T) => number): T[] {
    return items
      .map((item) => ({ item, key: Math.log(1 - this.rng.next()) / weightOf(item) }))
      .sort((a, b) => b.key - a.key)
      .map((x) => x.item);
  }
}

const yearStarts = new Map<number, number>();
function firstDayOf(year: number): number {
  let day = yearStarts.get(year);
  if (day === undefined) yearStarts.set(year, (day = dayNumber(`${year}-01-01`)));
  return day;
}

/** First day of the m-th month of the wave (0 = December 2023). */
function dayOfMonth(m: number): number {
  const year = 2023 + Math.floor((11 + m) / 12);
  const month = ((11 + m) % 12) + 1;
  return dayNumber(`${year}-${String(month).padStart(2, '0')}-01`);
}

/** 街道 have offices, 镇 and 乡 governments, farms and development zones committees. */
function townshipGovernment(name: string): [string, string] {
  if (/(街道|地区)$/.test(name)) return ['{n}办事处', '{n} Office'];
  if (/(镇|乡|苏木)$/.test(name)) return ['{n}人民政府', "{n} People's Government"];
  if (/(农场|林场|牧场|渔场|盐场)$/.test(name)) return ['{n}', '{n}'];
  return ['{n}管理委员会', '{n} Administrative Committee'];
}

/** Integer parts of `total` in proportion to `weights`, summing exactly to `total`. */
export function largestRemainder(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / sum) * total);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) parts[order[k % order.length]!.i]!++;
  return parts;
}
