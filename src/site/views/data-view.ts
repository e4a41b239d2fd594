/**
 * The /data/ page: every published file, the JSON API's shapes and how to read its gzip
 * files, the feeds, the licence and how to cite, in both languages. The file list comes from
 * the same plan the writer follows (src/downloads/plan.ts), so the page never links a file
 * that is not there. The page is rendered before the files are compressed, so it gives row
 * counts, not sizes (datapackage.json has every file's size in bytes).
 */
import type { Registry } from '../../domain/model.ts';
import { CHANNEL_COLUMNS } from '../../domain/schemas/channel.ts';
import { channelSchema } from '../../domain/schemas/channel.ts';
import { citationText } from '../../downloads/citation.ts';
import { CHANNEL_EXPORT_COLUMNS, DERIVED_COLUMN_DESCRIPTIONS } from '../../downloads/csv-export.ts';
import { FEED_LIMIT, PROVINCE_FEED_LIMIT } from '../../downloads/feeds.ts';
import { SHARD_HEX_DIGITS, SHARDS } from '../../downloads/json-api.ts';
import { downloadPlan, FILES } from '../../downloads/plan.ts';
import type { SiteConfig } from '../../routes/site-config.ts';
import { formatNumber, type Lang, type PageContext } from '../i18n.ts';
import { stringsFor, type Strings } from '../../strings/index.ts';
import { localText } from '../../strings/local-name.ts';

export interface FileLink {
  readonly href: string;
  readonly name: string;
  readonly rows: string;
}

export interface FieldDoc {
  readonly name: string;
  readonly meaning: string;
}

export interface ApiDoc {
  readonly path: string;
  readonly href?: string;
  readonly what: string;
  readonly shape: string;
}

export interface DataView {
  /** The page's words, the feeds' limits filled in. */
  readonly text: Omit<Strings['data'], 'feedsIntro'> & { readonly feedsIntro: string };
  /** Closing and closed channels, one ZIP'd CSV. */
  readonly closures: FileLink;
  /** The channel table: one ZIP'd CSV per province-level division. */
  readonly provinces: readonly (FileLink & { readonly place: string })[];
  readonly totalRows: string;
  readonly other: readonly (Omit<FileLink, 'rows'> & { readonly what: string })[];
  readonly columns: readonly FieldDoc[];
  readonly api: readonly ApiDoc[];
  /** How to read the gzip'd JSON Lines files, as commands and code to copy. */
  readonly recipes: readonly { readonly label: string; readonly code: string }[];
  readonly feeds: { readonly atom: string; readonly json: string; readonly provinceExample?: { atom: string; json: string; name: string } };
  readonly citation: string;
  readonly version: string;
  readonly date: string;
  readonly licence: { readonly name: string; readonly href: string };
}

const COUNTS = '{ active, dormant, closing, closed, total }';
const CHANNEL_SHAPE = '{ id, name, name_en?, agency, agency_en?, region, level, platform, handle?, url?, status, opened?, announced?, closed?, reason?, redirect?: [string], notice?, followers?: number, posts?: number, source: [string], checked?, notes?, notes_en?, province, destinations?: [ { channel? | url?, via: [id] } ] }';

/** What each API file holds, in the page's language, and its shape. */
function apiDocs(lang: Lang): ApiDoc[] {
  const t = stringsFor(lang).data.api;
  return [
    {
      path: FILES.api.index,
      what: t.index,
      shape: `{ api: "v1", dataset: { version, updated, licence: { name, url }, synthetic }, counts: ${COUNTS}, files: { regions, events, sources, closures, datapackage }, channels: { file: "${FILES.api.channels}", shard, shards: ${SHARDS.length}, format }, channel_entry: "{page}#c-{id}", channel_page: ".../channels/{id}/", channel_page_en }`,
    },
    {
      path: FILES.api.channels,
      what: t.channels(SHARD_HEX_DIGITS, SHARDS.length),
      shape: `one line per channel:\n${CHANNEL_SHAPE}`,
    },
    {
      path: FILES.api.regions,
      what: t.regions,
      shape: `{ regions: [ Region ], local: [ { province, file, count } ] }\nRegion = { code, name, name_en, kind: nation|province|prefecture|county|township, parent?, counts: ${COUNTS}, channels_here, page, page_en }`,
    },
    {
      path: FILES.api.provinceRegions('<province>'),
      what: t.provinceRegions,
      shape: '{ province, regions: [ Region ] }',
    },
    {
      path: FILES.api.closuresIndex,
      what: t.closuresIndex,
      shape: '{ total, files: [ { province, file, count } ] }',
    },
    {
      path: FILES.api.closures('<province>'),
      what: t.closures,
      shape: 'one line per closure:\n{ id, name, name_en?, agency, agency_en?, platform, region, province, status, reason?, announced?, closed?, date?, notice?: { slug, title, issuer, announced?, effective?, kind }, destinations: [ { channel? | url?, via: [id] } ] }',
    },
    {
      path: FILES.api.events,
      what: t.events,
      shape: '{ events: [ { date, title, title_en?, source: [string] } ] }',
    },
    {
      path: FILES.api.sources,
      what: t.sources,
      shape: '{ sources: [ { id, title, publisher, date?, url?, archive? } ] }',
    },
  ];
}

/** Commands and code that read the gzip'd JSON Lines files. */
function recipes(siteRoot: string, lang: Lang): { label: string; code: string }[] {
  const channels = siteRoot + FILES.api.channels;
  const t = stringsFor(lang).data.recipes;
  return [
    {
      label: t.oneChannel,
      code: `id=rongcheng-police-weibo\nshard=$(printf %s "$id" | shasum -a 256 | cut -c1-${SHARD_HEX_DIGITS})\ncurl -s "${channels.replace('{shard}', '$shard')}" | gunzip | grep "\\"id\\":\\"$id\\""`,
    },
    {
      label: t.wholeDataset,
      code: `for i in $(seq 0 ${SHARDS.length - 1}); do curl -s "${channels.replace('{shard}', '$(printf %02x $i)')}"; done | gunzip > channels.jsonl`,
    },
    {
      label: 'Python',
      code: `import gzip, hashlib, json, urllib.request\n\ndef channel(id):\n    shard = hashlib.sha256(id.encode()).hexdigest()[:${SHARD_HEX_DIGITS}]\n    url = "${channels}".replace("{shard}", shard)\n    for line in gzip.decompress(urllib.request.urlopen(url).read()).splitlines():\n        row = json.loads(line)\n        if row["id"] == id:\n            return row`,
    },
    {
      label: t.browser,
      code: `async function channel(id) {\n  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(id)));\n  const shard = digest[0].toString(16).padStart(2, '0');\n  const response = await fetch('${channels}'.replace('{shard}', shard));\n  const text = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).text();\n  return text.split('\\n').filter(Boolean).map(JSON.parse).find((c) => c.id === id);\n}`,
    },
  ];
}

export function dataView(registry: Registry, ctx: PageContext, config: SiteConfig, data: { dataUpdated: string; dataVersion?: string }): DataView {
  const { lang, base } = ctx;
  const plan = downloadPlan(registry);
  const siteRoot = config.siteUrl.replace(/\/+$/, '') + base;
  const file = (path: string, rows: number): FileLink => ({ href: `${base}${path}`, name: path.split('/').pop()!, rows: formatNumber(rows, lang) });
  const firstProvince = plan.provinces.find((p) => p.code !== '100000' && p.closures > 0);
  const columns = CHANNEL_EXPORT_COLUMNS.map((name) => {
    const meta = (CHANNEL_COLUMNS as readonly string[]).includes(name) ? ((channelSchema.shape as Record<string, { meta(): { description?: string } | undefined }>)[name]!.meta()?.description ?? '') : DERIVED_COLUMN_DESCRIPTIONS[name as keyof typeof DERIVED_COLUMN_DESCRIPTIONS];
    return { name, meaning: meta };
  });
  const t = stringsFor(lang).data;
  const other = (path: string, what: string) => ({ href: `${base}${path}`, name: path.split('/').pop()!, what });
  return {
    text: { ...t, feedsIntro: t.feedsIntro(FEED_LIMIT, PROVINCE_FEED_LIMIT) },
    closures: file(FILES.closuresZip, plan.closures),
    provinces: plan.provinces.map((p) => ({
      ...file(FILES.provinceZip(p.code), p.channels),
      place: p.code === '100000' ? t.centralBodies : localText(p.name, p.nameEn, lang),
    })),
    totalRows: formatNumber(plan.channels, lang),
    other: [
      other(FILES.datapackage, t.otherFiles.datapackage),
      other(FILES.sourcesCsv, t.otherFiles.sources),
      other(FILES.eventsCsv, t.otherFiles.events),
      other(FILES.citation, t.otherFiles.citation),
    ],
    columns,
    api: apiDocs(lang).map((a) => ({ ...a, href: a.path.includes('{') || a.path.includes('<') ? undefined : `${base}${a.path}` })),
    recipes: recipes(siteRoot, lang),
    feeds: {
      atom: `${base}${FILES.feeds.atom(lang)}`,
      json: `${base}${FILES.feeds.json(lang)}`,
      provinceExample: firstProvince
        ? { atom: `${base}${FILES.feeds.atom(lang, firstProvince.code)}`, json: `${base}${FILES.feeds.json(lang, firstProvince.code)}`, name: localText(firstProvince.name, firstProvince.nameEn, lang) }
        : undefined,
    },
    citation: citationText({ version: data.dataVersion, date: data.dataUpdated, url: siteRoot, repoUrl: config.repoUrl }, lang),
    version: data.dataVersion ?? t.unknownVersion,
    date: data.dataUpdated,
    licence: { name: config.dataLicence.name, href: config.dataLicence.url },
  };
}
