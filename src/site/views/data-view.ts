/**
 * The /data/ page: every published file with its size, the JSON API's shapes, the feeds,
 * the licence and how to cite, in both languages. The file list comes from the same plan
 * the writer follows (src/downloads/plan.ts), so the page never links a file that is not there.
 */
import type { Registry } from '../../domain/model.ts';
import { CHANNEL_COLUMNS } from '../../domain/schemas/channel.ts';
import { channelSchema } from '../../domain/schemas/channel.ts';
import { citationText } from '../../downloads/citation.ts';
import { CHANNEL_EXPORT_COLUMNS, DERIVED_COLUMN_DESCRIPTIONS } from '../../downloads/csv-export.ts';
import { API_DIR, CHANNELS_PER_SHARD } from '../../downloads/json-api.ts';
import { FEED_LIMIT } from '../../downloads/feeds.ts';
import { closureProvinces } from '../../downloads/json-api.ts';
import { downloadPlan, pageLinks, type PlannedFile } from '../../downloads/plan.ts';
import type { SiteConfig } from '../config.ts';
import { formatNumber, type Lang, type PageContext } from '../i18n.ts';

export interface FileLink {
  readonly href: string;
  readonly name: string;
  readonly size: string;
  readonly rows?: string;
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
  readonly csv: readonly FileLink[];
  readonly json: readonly FileLink[];
  readonly provinces: readonly { readonly name: string; readonly count: string; readonly files: readonly FileLink[] }[];
  readonly other: readonly (FileLink & { readonly what: string })[];
  readonly columns: readonly FieldDoc[];
  readonly api: readonly ApiDoc[];
  readonly feeds: { readonly atom: string; readonly json: string; readonly provinceExample?: { atom: string; json: string; name: string } };
  readonly citation: string;
  readonly version: string;
  readonly date: string;
  readonly licence: { readonly name: string; readonly href: string };
}

export function humanSize(bytes: number, lang: Lang): string {
  if (bytes < 1024) return lang === 'zh' ? `${bytes} 字节` : `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const L = (zh: string, en: string) => ({ zh, en });

/** Where a channel's JSON is, what each API file holds, in both languages. */
const API_DOCS = (lang: Lang) => {
  const t = <T extends { zh: string; en: string }>(x: T) => x[lang];
  return [
    {
      path: `${API_DIR}/index.json`,
      what: t(L('入口：数据版本、日期、许可、总数，以及各文件的位置和账号分片表。', 'Entry point: data version, date, licence, totals, where every file is, and the table of channel shards.')),
      shape: '{ api: "v1", dataset: { version, updated, licence: { name, url }, synthetic }, counts: { active, dormant, closing, closed, total }, files: { regions, events, sources, closures, datapackage }, channel_lookup, channel_shards: [ { file, first, last, count } ] }',
    },
    {
      path: `${API_DIR}/channels/NNNN.json`,
      what: t(
        L(
          `按 id 分片的账号：所有账号按 id（ASCII 顺序）排序，每个文件最多 ${CHANNELS_PER_SHARD} 个。查找某个账号：在 index.json 的 channel_shards 中找到最后一个 first ≤ id 的分片（二分查找），若 id ≤ 该分片的 last，账号就在这个文件里。`,
          `Channels sharded by id: every channel sorted by id (ASCII order), at most ${CHANNELS_PER_SHARD} per file. To find a channel, take the last entry of index.json's channel_shards whose first is ≤ the id (a binary search); if the id is ≤ its last, the channel is in that file.`,
        ),
      ),
      shape: '{ channels: [ { id, name, name_en?, agency, agency_en?, region, level, platform, handle?, url?, status, opened?, announced?, closed?, reason?, redirect?: [string], notice?, followers?: number, posts?: number, source: [string], checked?, notes?, province, destinations?: [ { channel? | url?, via: [id] } ], page, page_en } ] }',
    },
    {
      path: `${API_DIR}/regions.json`,
      what: t(L('全国、各省级行政区和各地级行政区，以及含下辖地区的账号统计；local 列出各省收录了账号的县级和乡级地区所在的文件。', 'The nation, every province and every prefecture, with counts including subdivisions; local lists the files holding each province\'s counties and townships with channels.')),
      shape: '{ regions: [ Region ], local: [ { province, file, count } ] }\nRegion = { code, name, name_en, kind: nation|province|prefecture|county|township, parent?, counts: { active, dormant, closing, closed, total }, channels_here, page, page_en }',
    },
    {
      path: `${API_DIR}/regions/<province>.json`,
      what: t(L('一个省级行政区内收录了账号的县级和乡级地区。', 'A province\'s counties and townships that have channels.')),
      shape: '{ province, regions: [ Region ] }',
    },
    {
      path: `${API_DIR}/closures/index.json`,
      what: t(L('关停与注销中的账号按省级行政区分文件（100000 为中央机构），此文件列出各文件及数量。', 'Closing and closed channels, one file per province (100000 for central bodies); this file lists them with counts.')),
      shape: '{ total, files: [ { province, file, count } ] }',
    },
    {
      path: `${API_DIR}/closures/<province>.json`,
      what: t(L('一个省级行政区的关停记录，最新的在前（按关停日期，没有则按宣布日期；无日期的在最后）。', 'One province\'s closures, newest first (by closure date, else announcement; undated last).')),
      shape: '{ province, closures: [ { id, name, name_en?, agency, agency_en?, platform, region, province, status, reason?, announced?, closed?, date?, notice?: { slug, title, issuer, announced?, effective?, kind }, destinations: [ { channel? | url?, via } ], page, page_en } ] }',
    },
    {
      path: `${API_DIR}/events.json`,
      what: t(L('时间线上的政策节点。', 'Policy milestones on the timeline.')),
      shape: '{ events: [ { date, title, title_en?, source: [string] } ] }',
    },
    {
      path: `${API_DIR}/sources.json`,
      what: t(L('账号记录引用的来源。', 'The sources rows cite.')),
      shape: '{ sources: [ { id, title, publisher, date?, url?, archive? } ] }',
    },
  ];
};

export function dataView(registry: Registry, ctx: PageContext, config: SiteConfig, data: { dataUpdated: string; dataVersion?: string }): DataView {
  const { lang, base } = ctx;
  const plan = downloadPlan(registry, pageLinks(config.siteUrl, base));
  const link = (f: PlannedFile): FileLink => ({ href: `${base}${f.path}`, name: f.path.split('/').pop()!, size: humanSize(f.bytes, lang), rows: formatNumber(f.rows, lang) });
  const siteRoot = config.siteUrl.replace(/\/+$/, '') + base;
  const feedPrefix = lang === 'en' ? 'en/' : '';
  const firstProvince = closureProvinces(registry).find((p) => p !== '100000');
  const region = firstProvince ? registry.regions.get(firstProvince) : undefined;
  const columns = CHANNEL_EXPORT_COLUMNS.map((name) => {
    const meta = (CHANNEL_COLUMNS as readonly string[]).includes(name) ? ((channelSchema.shape as Record<string, { meta(): { description?: string } | undefined }>)[name]!.meta()?.description ?? '') : DERIVED_COLUMN_DESCRIPTIONS[name as keyof typeof DERIVED_COLUMN_DESCRIPTIONS];
    return { name, meaning: meta };
  });
  return {
    csv: plan.csv.map(link),
    json: plan.json.map(link),
    provinces: plan.provinces.map((p) => ({
      name: p.code === '100000' ? (lang === 'zh' ? '中央机构' : 'Central bodies') : lang === 'zh' ? p.name : p.nameEn,
      count: formatNumber(p.channels, lang),
      files: p.files.map(link),
    })),
    other: [
      { href: `${base}datapackage.json`, name: 'datapackage.json', size: '', what: lang === 'zh' ? 'Frictionless Data Package v2 描述文件：每个 CSV 文件、每一列的类型和含义。' : 'Frictionless Data Package v2 descriptor: every CSV file, every column\'s type and meaning.' },
      { href: `${base}downloads/sources.csv`, name: 'sources.csv', size: '', what: lang === 'zh' ? '来源（参考文献）。' : 'Sources (the bibliography).' },
      { href: `${base}downloads/events.csv`, name: 'events.csv', size: '', what: lang === 'zh' ? '政策节点。' : 'Policy milestones.' },
      { href: `${base}CITATION.cff`, name: 'CITATION.cff', size: '', what: lang === 'zh' ? '引用信息（Citation File Format），含数据版本。' : 'Citation metadata (Citation File Format) with the data version.' },
    ],
    columns,
    api: API_DOCS(lang).map((a) => ({ ...a, href: a.path.includes('NNNN') || a.path.includes('<') ? undefined : `${base}${a.path}` })),
    feeds: {
      atom: `${base}${feedPrefix}feed.xml`,
      json: `${base}${feedPrefix}feed.json`,
      provinceExample: firstProvince && region
        ? { atom: `${base}${feedPrefix}feeds/${firstProvince}.xml`, json: `${base}${feedPrefix}feeds/${firstProvince}.json`, name: lang === 'zh' ? region.name : region.nameEn }
        : undefined,
    },
    citation: citationText({ version: data.dataVersion, date: data.dataUpdated, url: siteRoot, repoUrl: config.repoUrl }, lang),
    version: data.dataVersion ?? (lang === 'zh' ? '（未知）' : '(unknown)'),
    date: data.dataUpdated,
    licence: { name: config.dataLicence.name, href: config.dataLicence.url },
  };
}

export { FEED_LIMIT };

/** The page's prose, in both languages. */
export const DATA_COPY = {
  zh: {
    title: '数据下载与接口',
    lede: '本站的全部数据都可以下载、转载和再利用，只需注明出处（CC BY 4.0）。文件在每次发布时从仓库中的数据重新生成。',
    cite: '如何引用',
    citeIntro: '请注明数据版本（数据提交）和日期，以便他人找到你所用的同一份数据：',
    versionLabel: '数据版本',
    dateLabel: '日期',
    csvHeading: 'CSV：完整数据集',
    csvIntro: 'UTF-8 编码（带 BOM，Excel 可直接打开中文）、逗号分隔、CRLF 换行，第一行为列名。列与仓库中 data/channels/*.csv 相同，其后是由地区树推导的几列。',
    csvParts: '单个文件超过 20 MB 时按行拆分为若干部分（channels-1.csv、channels-2.csv……），每部分都带列名行，合起来即完整数据。',
    injection: '防公式注入：以 =、+、-、@、制表符或回车开头的单元格，前面加了一个英文单引号（\'），电子表格会把它当作文字而不是公式执行。如需与原始数据完全一致的值，去掉紧跟这些字符之前的单引号即可；JSON 文件中的值未做改动。',
    rows: '行',
    jsonHeading: 'JSON：完整数据集',
    jsonIntro: '一个 JSON 数组，每行一个账号，字段与下面 API 中的账号相同（值保持原样，不加单引号）。过大时同样拆分。',
    provincesHeading: '按省级行政区的 CSV',
    provincesIntro: '与完整 CSV 相同的列，每个省级行政区一个文件（100000 为中央机构）。',
    otherHeading: '其他文件',
    columnsHeading: '列说明',
    columnsIntro: '说明取自校验器所用的数据模式（与 README 的数据字典同源），类型和取值范围见 datapackage.json。',
    apiHeading: 'JSON 接口',
    apiIntro: '静态 JSON 文件，可直接用 HTTP GET 获取，无需密钥。字段后加 ? 表示可能缺省（空值不输出）；日期按数据原有精度写作 YYYY、YYYY-MM 或 YYYY-MM-DD。接口版本 v1 的字段只增不改。',
    feedsHeading: '关停订阅（Atom / JSON Feed）',
    feedsIntro: `最近关停或宣布关停的账号，最新的在前，最多 ${FEED_LIMIT} 条；每条链接到账号页面，写明关停日期、原因和现在该去哪里。没有任何日期的关停记录不进入订阅。每个省级行政区另有订阅：feeds/<省级代码>.xml 与 .json。`,
    feedNational: '全国',
    licenceHeading: '许可',
    licenceText: '数据以知识共享署名 4.0 国际许可协议（CC BY 4.0）发布：可以复制、转载、改编和商用，只需注明出处。',
    file: '文件',
    size: '大小',
    what: '内容',
    field: '字段',
    meaning: '含义',
    shape: '结构',
    changes: '各版本之间的数据变化见',
    changesLink: '数据更新记录',
  },
  en: {
    title: 'Data downloads and API',
    lede: 'All of the data on this site can be downloaded, republished and reused, with attribution (CC BY 4.0). The files are generated afresh from the repository\'s data at every release.',
    cite: 'How to cite',
    citeIntro: 'Please give the data version (the data commit) and date, so others can find the same data you used:',
    versionLabel: 'Data version',
    dateLabel: 'Date',
    csvHeading: 'CSV: the full dataset',
    csvIntro: 'UTF-8 (with a byte-order mark, so Excel shows the Chinese correctly), comma-separated, CRLF line ends, column names in the first row. The columns are those of data/channels/*.csv in the repository, followed by a few derived from the region tree.',
    csvParts: 'A file that would pass 20 MB is split by rows into parts (channels-1.csv, channels-2.csv …), each with the header row; together they are the whole table.',
    injection: 'Formula-injection guard: cells that begin with =, +, -, @, a tab or a carriage return have a single quote (\') put in front, so spreadsheet programs show them as text instead of running them as formulas. To get values exactly as recorded, drop a single quote that comes right before one of those characters; the JSON files carry the values unchanged.',
    rows: 'rows',
    jsonHeading: 'JSON: the full dataset',
    jsonIntro: 'A JSON array with one channel per line, the same fields as a channel in the API below (values unchanged, no quote prefix). Split into parts the same way when large.',
    provincesHeading: 'CSV by province',
    provincesIntro: 'The same columns as the full CSV, one file per province-level division (100000 for central bodies).',
    otherHeading: 'Other files',
    columnsHeading: 'Columns',
    columnsIntro: 'The meanings come from the schemas the validator uses (the same source as the README\'s data dictionary); types and allowed values are in datapackage.json.',
    apiHeading: 'JSON API',
    apiIntro: 'Static JSON files: plain HTTP GET, no key. A field marked ? may be absent (empty values are left out); dates keep the data\'s precision: YYYY, YYYY-MM or YYYY-MM-DD. Fields of API v1 are only ever added, never changed.',
    feedsHeading: 'Closure feeds (Atom / JSON Feed)',
    feedsIntro: `Channels recently closed or announced to close, newest first, at most ${FEED_LIMIT} entries; each links the channel's page and says when it closed, why, and where to go instead. Closures with no date at all are left out. Each province has its own feed too: feeds/<province-code>.xml and .json.`,
    feedNational: 'National',
    licenceHeading: 'Licence',
    licenceText: 'The data is published under the Creative Commons Attribution 4.0 International licence (CC BY 4.0): copy, republish, adapt and use it commercially, as long as you credit the source.',
    file: 'File',
    size: 'Size',
    what: 'Contents',
    field: 'Field',
    meaning: 'Meaning',
    shape: 'Shape',
    changes: 'What changed between versions of the data:',
    changesLink: 'data changes',
  },
};
