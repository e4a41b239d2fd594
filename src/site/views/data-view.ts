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

const L = (zh: string, en: string) => ({ zh, en });

const COUNTS = '{ active, dormant, closing, closed, total }';
const CHANNEL_SHAPE = '{ id, name, name_en?, agency, agency_en?, region, level, platform, handle?, url?, status, opened?, announced?, closed?, reason?, redirect?: [string], notice?, followers?: number, posts?: number, source: [string], checked?, notes?, notes_en?, province, destinations?: [ { channel? | url?, via: [id] } ] }';

/** What each API file holds, in both languages. */
const API_DOCS = (lang: Lang) => {
  const t = (x: { zh: string; en: string }) => x[lang];
  return [
    {
      path: FILES.api.index,
      what: t(
        L(
          '入口：数据版本、日期、许可、总数、各文件的位置、按 id 查找账号的规则，以及账号页面的地址：账号是所在地区页面上的一个条目，地址为该地区的 page 加上 #c-<id>；固定链接 /channels/<id>/ 由本站的“找不到页面”借助 JavaScript 转到该条目。',
          'Entry point: data version, date, licence, totals, where every file is, the rule that finds a channel by id, and where a channel\'s page is: a channel is an entry on its region\'s page, at the region\'s page followed by #c-<id>; the permalink /channels/<id>/ gets there through the site\'s not-found page, with JavaScript.',
        ),
      ),
      shape: `{ api: "v1", dataset: { version, updated, licence: { name, url }, synthetic }, counts: ${COUNTS}, files: { regions, events, sources, closures, datapackage }, channels: { file: "${FILES.api.channels}", shard, shards: ${SHARDS.length}, format }, channel_entry: "{page}#c-{id}", channel_page: ".../channels/{id}/", channel_page_en }`,
    },
    {
      path: FILES.api.channels,
      what: t(
        L(
          `按 id 查找账号：{shard} 是账号 id（UTF-8）的 SHA-256 摘要的前 ${SHARD_HEX_DIGITS} 位十六进制数字（小写），共 ${SHARDS.length} 个文件，文件名不随数据量变化。JSON Lines 格式（每行一个账号，按 id 排序），gzip 压缩。${SHARDS.length} 个文件合起来就是完整数据集的 JSON 版本（值保持原样，不加单引号）。`,
          `A channel by id: {shard} is the first ${SHARD_HEX_DIGITS} hex digits (lower case) of the SHA-256 digest of the channel id (UTF-8): ${SHARDS.length} files whose names never change as the data grows. JSON Lines (one channel per line, sorted by id), gzip-compressed. Together the ${SHARDS.length} files are the full dataset as JSON (values unchanged, no quote prefix).`,
        ),
      ),
      shape: `one line per channel:\n${CHANNEL_SHAPE}`,
    },
    {
      path: FILES.api.regions,
      what: t(L('全国、各省级行政区和各地级行政区，以及含下辖地区的账号统计；local 列出各省收录了账号的县级和乡级地区所在的文件。page 是地区的页面（乡级地区是其所在县级页面中的一节）。', 'The nation, every province and every prefecture, with counts including subdivisions; local lists the files holding each province\'s counties and townships with channels. page is the region\'s page (for a township, its section of its county\'s page).')),
      shape: `{ regions: [ Region ], local: [ { province, file, count } ] }\nRegion = { code, name, name_en, kind: nation|province|prefecture|county|township, parent?, counts: ${COUNTS}, channels_here, page, page_en }`,
    },
    {
      path: FILES.api.provinceRegions('<province>'),
      what: t(L('一个省级行政区内收录了账号的县级和乡级地区。', 'A province\'s counties and townships that have channels.')),
      shape: '{ province, regions: [ Region ] }',
    },
    {
      path: FILES.api.closuresIndex,
      what: t(L('关停与注销中的账号按省级行政区分文件（100000 为中央机构），此文件列出各文件及数量。', 'Closing and closed channels, one file per province (100000 for central bodies); this file lists them with counts.')),
      shape: '{ total, files: [ { province, file, count } ] }',
    },
    {
      path: FILES.api.closures('<province>'),
      what: t(L('一个省级行政区的关停记录，JSON Lines 格式，gzip 压缩，最新的在前（按关停日期，没有则按宣布日期；无日期的在最后）。', 'One province\'s closures as JSON Lines, gzip-compressed, newest first (by closure date, else announcement; undated last).')),
      shape: 'one line per closure:\n{ id, name, name_en?, agency, agency_en?, platform, region, province, status, reason?, announced?, closed?, date?, notice?: { slug, title, issuer, announced?, effective?, kind }, destinations: [ { channel? | url?, via: [id] } ] }',
    },
    {
      path: FILES.api.events,
      what: t(L('时间线上的政策节点。', 'Policy milestones on the timeline.')),
      shape: '{ events: [ { date, title, title_en?, source: [string] } ] }',
    },
    {
      path: FILES.api.sources,
      what: t(L('账号记录引用的来源。', 'The sources rows cite.')),
      shape: '{ sources: [ { id, title, publisher, date?, url?, archive? } ] }',
    },
  ];
};

/** Commands and code that read the gzip'd JSON Lines files. */
function recipes(siteRoot: string, lang: Lang): { label: string; code: string }[] {
  const channels = siteRoot + FILES.api.channels;
  const t = (x: { zh: string; en: string }) => x[lang];
  return [
    {
      label: t(L('命令行：找到一个账号', 'Command line: one channel')),
      code: `id=rongcheng-police-weibo\nshard=$(printf %s "$id" | shasum -a 256 | cut -c1-${SHARD_HEX_DIGITS})\ncurl -s "${channels.replace('{shard}', '$shard')}" | gunzip | grep "\\"id\\":\\"$id\\""`,
    },
    {
      label: t(L('命令行：下载完整的 JSON 数据集', 'Command line: the whole dataset as JSON Lines')),
      code: `for i in $(seq 0 ${SHARDS.length - 1}); do curl -s "${channels.replace('{shard}', '$(printf %02x $i)')}"; done | gunzip > channels.jsonl`,
    },
    {
      label: 'Python',
      code: `import gzip, hashlib, json, urllib.request\n\ndef channel(id):\n    shard = hashlib.sha256(id.encode()).hexdigest()[:${SHARD_HEX_DIGITS}]\n    url = "${channels}".replace("{shard}", shard)\n    for line in gzip.decompress(urllib.request.urlopen(url).read()).splitlines():\n        row = json.loads(line)\n        if row["id"] == id:\n            return row`,
    },
    {
      label: t(L('浏览器中的 JavaScript', 'JavaScript in a browser')),
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
  const other = (path: string, what: { zh: string; en: string }) => ({ href: `${base}${path}`, name: path.split('/').pop()!, what: what[lang] });
  return {
    closures: file(FILES.closuresZip, plan.closures),
    provinces: plan.provinces.map((p) => ({
      ...file(FILES.provinceZip(p.code), p.channels),
      place: p.code === '100000' ? (lang === 'zh' ? '中央机构' : 'Central bodies') : lang === 'zh' ? p.name : p.nameEn,
    })),
    totalRows: formatNumber(plan.channels, lang),
    other: [
      other(FILES.datapackage, L('Frictionless Data Package v2 描述文件：每个数据文件（含大小）、每一列的类型和含义。', 'Frictionless Data Package v2 descriptor: every data file (with its size) and every column\'s type and meaning.')),
      other(FILES.sourcesCsv, L('来源（参考文献），CSV。', 'Sources (the bibliography), CSV.')),
      other(FILES.eventsCsv, L('政策节点，CSV。', 'Policy milestones, CSV.')),
      other(FILES.citation, L('引用信息（Citation File Format），含数据版本。', 'Citation metadata (Citation File Format) with the data version.')),
    ],
    columns,
    api: API_DOCS(lang).map((a) => ({ ...a, href: a.path.includes('{') || a.path.includes('<') ? undefined : `${base}${a.path}` })),
    recipes: recipes(siteRoot, lang),
    feeds: {
      atom: `${base}${FILES.feeds.atom(lang)}`,
      json: `${base}${FILES.feeds.json(lang)}`,
      provinceExample: firstProvince
        ? { atom: `${base}${FILES.feeds.atom(lang, firstProvince.code)}`, json: `${base}${FILES.feeds.json(lang, firstProvince.code)}`, name: lang === 'zh' ? firstProvince.name : firstProvince.nameEn }
        : undefined,
    },
    citation: citationText({ version: data.dataVersion, date: data.dataUpdated, url: siteRoot, repoUrl: config.repoUrl }, lang),
    version: data.dataVersion ?? (lang === 'zh' ? '（未知）' : '(unknown)'),
    date: data.dataUpdated,
    licence: { name: config.dataLicence.name, href: config.dataLicence.url },
  };
}

export { FEED_LIMIT, PROVINCE_FEED_LIMIT };

/** The page's prose, in both languages. */
export const DATA_COPY = {
  zh: {
    title: '数据下载与接口',
    lede: '本站的全部数据都可以下载、转载和再利用，只需注明出处（CC BY 4.0）。文件在每次发布时从仓库中的数据重新生成。',
    cite: '如何引用',
    citeIntro: '请注明数据版本（数据提交）和日期，以便他人找到你所用的同一份数据：',
    versionLabel: '数据版本',
    dateLabel: '日期',
    closuresHeading: '关停记录（CSV）',
    closuresIntro: '所有已关停和注销中的账号，一个文件，列与下面的完整数据相同，按省级行政区、地区、id 排序（在电子表格中可按关停日期重新排序）。',
    csvHeading: 'CSV：完整数据集，按省级行政区',
    csvIntro: '每个省级行政区一个 ZIP 文件（100000 为中央机构），双击即可在 Windows 和 macOS 上解压，里面是一个 CSV 文件；这些文件合起来就是完整数据集，每个账号只出现一次。文件地址按省级代码命名，不随数据量变化。CSV 为 UTF-8 编码（带 BOM，Excel 可直接打开中文）、逗号分隔、CRLF 换行，第一行为列名。列与仓库中 data/channels/*.csv 相同，其后是由地区树推导的几列。',
    injection: '防公式注入：以 =、+、-、@、制表符或回车开头的单元格，前面加了一个英文单引号（\'），电子表格会把它当作文字而不是公式执行。如需与原始数据完全一致的值，去掉紧跟这些字符之前的单引号即可；JSON 文件中的值未做改动。',
    rows: '行',
    rowsHeading: '行数',
    total: '合计',
    place: '地区',
    jsonHeading: 'JSON：完整数据集',
    jsonIntro: '同样的账号以 JSON Lines 格式（每行一个 JSON 对象）只发布一次：就是下面 JSON 接口中按 id 分的文件。文件用 gzip 压缩（.gz）：命令行用 gunzip，Python 用 gzip 模块，浏览器用 DecompressionStream 解压；也可以直接用 7-Zip 等解压软件打开。按顺序首尾相接的多个 .gz 文件仍是一个有效的 gzip 流，所以下载全部文件后一次解压即得完整数据。',
    otherHeading: '其他文件',
    columnsHeading: '列说明',
    columnsIntro: '说明取自校验器所用的数据模式（与仓库文档 docs/data-contract.md 中的数据字典同源），类型和取值范围见 datapackage.json。',
    apiHeading: 'JSON 接口',
    apiIntro: '静态文件，可直接用 HTTP GET 获取，无需密钥。.json 文件是普通 JSON；.jsonl.gz 文件是 gzip 压缩的 JSON Lines（服务器按原样发送压缩文件，需自行解压）。字段后加 ? 表示可能缺省（空值不输出）；日期按数据原有精度写作 YYYY、YYYY-MM 或 YYYY-MM-DD。',
    recipesHeading: '读取 .jsonl.gz 文件',
    feedsHeading: '关停订阅（Atom / JSON Feed）',
    feedsIntro: `最近关停或宣布关停的账号，最新的在前：全国订阅最多 ${FEED_LIMIT} 条，各省级行政区的订阅（feeds/<省级代码>.xml 与 .json）最多 ${PROVINCE_FEED_LIMIT} 条。每条链接到账号在所在地区页面上的条目，写明关停日期、原因和现在该去哪里。没有任何日期的关停记录不进入订阅。`,
    feedNational: '全国',
    licenceHeading: '许可',
    licenceText: '数据以知识共享署名 4.0 国际许可协议（CC BY 4.0）发布：可以复制、转载、改编和商用，只需注明出处。',
    file: '文件',
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
    closuresHeading: 'Closures (CSV)',
    closuresIntro: 'Every closed and closing channel in one file, with the same columns as the full dataset below, ordered by province, region and id (sort by the closed column in a spreadsheet for the newest first).',
    csvHeading: 'CSV: the full dataset, by province',
    csvIntro: 'One ZIP file per province-level division (100000 for central bodies), which opens with a double click on Windows and macOS and holds one CSV file; together they are the full dataset, each channel in exactly one. The addresses are named by province code and do not change as the data grows. The CSV is UTF-8 (with a byte-order mark, so Excel shows the Chinese correctly), comma-separated, with CRLF line ends and column names in the first row. The columns are those of data/channels/*.csv in the repository, followed by a few derived from the region tree.',
    injection: 'Formula-injection guard: cells that begin with =, +, -, @, a tab or a carriage return have a single quote (\') put in front, so spreadsheet programs show them as text instead of running them as formulas. To get values exactly as recorded, drop a single quote that comes right before one of those characters; the JSON files carry the values unchanged.',
    rows: 'rows',
    rowsHeading: 'Rows',
    total: 'Total',
    place: 'Place',
    jsonHeading: 'JSON: the full dataset',
    jsonIntro: 'The same channels are published once as JSON Lines (one JSON object per line): the JSON API\'s channel files by id, below. The files are gzip-compressed (.gz): gunzip on the command line, the gzip module in Python, DecompressionStream in a browser, or an archive program such as 7-Zip. Gzip files joined end to end are still one valid gzip stream, so downloading all of them and decompressing once gives the whole dataset.',
    otherHeading: 'Other files',
    columnsHeading: 'Columns',
    columnsIntro: 'The meanings come from the schemas the validator uses (the same source as the data dictionary in the repository\'s docs/data-contract.md); types and allowed values are in datapackage.json.',
    apiHeading: 'JSON API',
    apiIntro: 'Static files: plain HTTP GET, no key. The .json files are plain JSON; the .jsonl.gz files are gzip-compressed JSON Lines (the server sends the compressed file as it is: decompress it yourself). A field marked ? may be absent (empty values are left out); dates keep the data\'s precision: YYYY, YYYY-MM or YYYY-MM-DD.',
    recipesHeading: 'Reading the .jsonl.gz files',
    feedsHeading: 'Closure feeds (Atom / JSON Feed)',
    feedsIntro: `Channels recently closed or announced to close, newest first: at most ${FEED_LIMIT} entries in the national feed and ${PROVINCE_FEED_LIMIT} in each province's (feeds/<province-code>.xml and .json). Each entry links the channel's entry on its region's page and says when it closed, why, and where to go instead. Closures with no date at all are left out.`,
    feedNational: 'National',
    licenceHeading: 'Licence',
    licenceText: 'The data is published under the Creative Commons Attribution 4.0 International licence (CC BY 4.0): copy, republish, adapt and use it commercially, as long as you credit the source.',
    file: 'File',
    what: 'Contents',
    field: 'Field',
    meaning: 'Meaning',
    shape: 'Shape',
    changes: 'What changed between versions of the data:',
    changesLink: 'data changes',
  },
};
