/**
 * Every word the site, its charts, its browser scripts and its feeds show in Chinese. One
 * named export per section: a browser script imports only the sections it shows (esbuild
 * drops the rest), the build takes them all through stringsFor (index.ts). en.ts has the same
 * sections and keys, typed from these, so a missing or extra key is a type error; texts that
 * depend on a number, a date or a name are functions.
 *
 * The data's own vocabulary (platforms, statuses, levels, reasons) is labelled where it is
 * defined, in src/domain/vocabulary.ts; dates are written at their precision by
 * src/domain/approx-date.ts.
 */
import { formatDate, type ApproxDate } from '../domain/approx-date.ts';
import { STATUS_LABELS, type Reason } from '../domain/vocabulary.ts';
import { formatCount } from '../format/count.ts';
import { closingTiming, datePart, text, tidy, type ClosureFacts, type SentencePart, type SentenceTarget } from './sentence-parts.ts';

/** Language tags of this language, for the pages and the browser scripts (feeds and link previews have their own). */
export const locale = {
  /** BCP 47 for lang attributes: the Chinese is written in simplified characters. */
  html: 'zh-Hans',
  /** Numbers with the country's grouping. */
  number: 'zh-CN',
  /** Sorting names in pinyin order. */
  collation: 'zh-Hans-CN',
};

export const site = {
  name: '政务新媒体账号登记册',
  tagline: '哪些政务新媒体账号仍在运营、哪些已经关停，关停后该去哪里。',
  skipToContent: '跳到正文',
  nav: { home: '首页', regions: '地区', closures: '关停记录', timeline: '时间线', about: '关于', methodology: '方法说明', contribute: '参与贡献', data: '数据下载', changes: '更新记录' },
  navLabel: '主导航',
  langSwitch: 'English',
  syntheticBanner: '示例数据：本站显示的是程序生成的虚构账号，并非真实记录。',
  footer: {
    licence: '数据许可',
    source: '源代码与数据',
    updated: '数据更新于',
    version: '数据版本',
  },
  breadcrumbLabel: '位置',
  /** Open Graph's og:locale of the pages. */
  ogLocale: 'zh_CN',
  /** Sentences one after another: Chinese full stops carry their own space. */
  joinSentences: (sentences: readonly string[]) => sentences.join(''),
};

/** The marks between the items of a list, in running text. */
export const punctuation = {
  /** Between the items of a list ("A、B"). */
  listComma: '、',
  /** Between the last two items of a list ("A、B和C"). */
  and: '和',
  /** Between longer items ("A；B"). */
  semicolon: '；',
  openParen: '（',
  closeParen: '）',
  /** After a label or a title, before what it introduces. */
  colon: '：',
};

export const names = {
  /** A channel with its platform: "威海公安（微博）". */
  withPlatform: (name: string, platform: string) => `${name}（${platform}）`,
  /** A place and the places above it, given largest first: "山东省威海市荣成市". */
  place: (largestFirst: readonly string[]) => largestFirst.join(''),
};

export const places = {
  /** Bodies of the central government: the "place" of code 100000. */
  central: '中央',
};

/** What the one date shown beside a channel in a list means. */
export const listDate = {
  opened: '开设于',
  announced: '宣布关停于',
  closed: '关停于',
  closes: '预定关停于',
};

export const home = {
  channelsRecorded: '收录账号',
  byStatus: '按状态',
  sinceDirective: '2023年12月整治“指尖上的形式主义”以来关停或注销中',
  provincesCovered: (n: number, of: number) => `${n} / ${of} 个省级行政区已有收录`,
  byPlatform: '按平台',
  recentClosures: '最近关停',
  noClosures: '尚未收录关停的账号。',
  scheduledClosures: '预定关停',
  scheduledIntro: '已宣布、尚未生效的关停，按预定日期排列。',
  browseRegions: '按地区浏览',
  central: '中央机构的账号',
};

export const region = {
  channelsHere: '本级机构的账号',
  totalWithChildren: (n: string) => `含下辖地区共 ${n} 个账号`,
  childrenHeading: '下辖地区',
  provincesHeading: '省级行政区',
  noneRecorded: '尚无收录',
  emptyState: '这里还没有收录任何账号。',
  helpAdd: '欢迎帮忙补充',
  countsHeading: '账号统计（含下辖地区）',
  liveHeading: '本级机构的账号',
  liveIntro: '按主办机构列出，仍在运营的在前；要找某个部门的账号，先找机构名称。已关停的账号写明了现在该去哪里。',
  closedHeading: '最近关停',
  closedIntro: '本页已关停的账号（共 {n} 个）中最近的几个，点击名称看详情和现在该去哪里。',
  scheduledHeading: '预定关停',
  scheduledIntro: '本页已宣布、尚未生效的关停（共 {n} 个），按预定日期排列。',
  sectionsHeading: '乡镇、街道的账号',
  sourcesHeading: '本页引用的来源',
  entry: { homepage: '主页', handle: '平台账号', notice: '关停公告', replaces: '接替：', more: (n: number) => `等 ${n} 个账号` },
  noOwnChannels: '本级机构还没有收录任何账号；下辖地区的账号见下方。',
  reportMissing: '这里缺少某个账号？告诉我们',
};

export const channel = {
  agency: '主办机构',
  platform: '平台',
  handle: '平台账号',
  url: '链接',
  region: '所在地区',
  level: '机构级别',
  status: '状态',
  opened: '开设',
  announced: '宣布关停',
  closed: '关停',
  reason: '关停原因',
  goInstead: '现在请前往',
  via: '经由',
  noDestination: '没有记录替代的账号或网站。',
  followers: '粉丝数',
  posts: '发文数',
  notice: '关停公告',
  noticeText: '公告原文',
  noticeSummary: '公告摘要',
  issuer: '发布机构',
  effective: '生效',
  sources: '来源',
  archive: '存档',
  checked: '最近核实',
  notes: '备注',
  siblings: '同一机构的其他账号',
  predecessors: '由以下账号迁移而来',
  details: '账号信息',
  whereNow: '现在去哪里',
  chainNote: '经过的已关停账号：',
  reach: '如何找到这个账号',
  reachNote: '请认准上面的地址或平台账号；名称相同的其他账号不一定是官方账号。',
  followersAtClosure: '关停时粉丝数',
  postsAtClosure: '关停时发文数',
  readNotice: '阅读公告全文',
  readSummary: '查看公告摘要及来源',
  noticeExcerpt: '公告摘录',
  reportHeading: '发现问题？',
  reportWrong: '这个账号的信息有误',
  reportClosed: '这个账号已经关停或注销',
  reportNote: '链接会在 GitHub 上打开一张预先填好的问题单（需要 GitHub 账号）。',
  platformSiblings: '同一机构在其他平台的账号',
};

export const notice = {
  label: '关停公告',
  closes: '本公告涉及的账号',
  otherLanguage: '公告为英文，按发布时的原文显示。',
  published: '发布日期',
};

export const notFound = {
  title: '找不到这个页面',
  body: '这个地址没有对应的页面。账号的永久链接（/channels/账号编号/）会自动转到它所在地区页面上的条目，这需要 JavaScript；也可以在上方搜索账号名称。如果链接来自本站，请告诉我们。',
  resolving: '正在前往账号所在的地区页面……',
  home: '返回首页',
};

/** The closures browser's pages (/closures/ and each month's). */
export const closures = {
  title: '关停记录',
  intro: '所有已关停和正在注销的政务新媒体账号：关停日期（按资料的精度）、所在地区、主办机构、平台、现在该去哪里。还可按级别和原因筛选；下载的 CSV 另含来源。',
  total: (n: string) => `共 ${n} 个账号已关停或正在注销。`,
  latest: '最近的关停',
  scheduled: '预定关停',
  scheduledIntro: (n: string) => `已宣布、尚未生效的关停，共 ${n} 个，按预定日期排列；“最近的关停”只含已生效的。`,
  allScheduled: (n: string) => `查看全部 ${n} 个预定关停`,
  scheduledCaption: '预定关停、尚未生效的账号',
  index: '按月份浏览',
  more: (n: string) => `查看本月全部 ${n} 条`,
  filters: '筛选',
  dateRange: '日期范围',
  from: '从（月）',
  to: '至（月）',
  dateHelp: '只知道年份的关停，只有当整年都在范围内时才计入；没有日期的不计入任何范围。',
  province: '省级行政区',
  prefecture: '地市',
  any: '全部',
  apply: '应用',
  clear: '清除筛选',
  download: '下载当前视图（CSV）',
  showMore: '再显示 200 条',
  loading: '正在载入数据…',
  loadFailed: '数据载入失败，请刷新页面重试。',
  showing: (shown: string, total: string) => `显示 ${shown} 条，共 ${total} 条符合条件`,
  none: '没有符合条件的关停记录。',
  shareHint: '筛选条件会写入网址，复制网址即可分享或引用当前视图。',
  sortBy: (col: string) => `按${col}排序`,
  periodTitle: (label: string) => `${label}的关停`,
  periodSummary: (n: string) => `${n} 个账号，按省级行政区排列。`,
  provinces: '本期涉及的省级行政区',
  page: '页',
  pagesLabel: '分页',
  newer: '较新',
  older: '较早',
  backToIndex: '全部关停记录',
  /** A year of the month index ("2024年"). */
  year: (year: string) => `${year}年`,
  yearOnly: (y: number) => `${y}年（月份不详）`,
  undated: '日期不详',
  tableCaption: (label: string) => `${label}关停的账号`,
};

/** The closures table and its CSV, drawn by the build and by the browser alike. */
export const closuresTable = {
  columns: {
    date: '日期',
    channel: '账号',
    platform: '平台',
    region: '地区',
    agency: '主办机构',
    status: '状态',
    destination: '现在请前往',
    level: '级别',
    reason: '原因',
  },
  /** A row without any date. */
  undated: '日期不详',
  /** A row dated by its announcement only: it is not when the channel went. */
  announced: (date: string) => `${date}（宣布）`,
  /** After the first destination: how many there are in all. */
  moreDestinations: (more: number) => ` 等${more + 1}处`,
  csvHeaders: ['日期', '日期精度', '状态', '账号', '账号ID', '平台', '省级行政区', '地市', '地区', '地区代码', '主办机构', '级别', '原因', '现在请前往', '前往链接', '来源', '来源链接', '登记册页面'],
  precision: { year: '年', month: '月', day: '日' },
  /** The precision cell of a row dated by its announcement. */
  announcedPrecision: (precision: string) => `${precision} (宣布日期)`,
};

/** The search box in every page's header. */
export const searchBox = {
  landmark: '全站搜索',
  label: '搜索账号、机构或地区',
  placeholder: '账号、机构或地区',
  button: '搜索',
  verify: '核验链接或账号',
};

/** The /search/ page, where the box leads without JavaScript. */
export const searchPage = {
  title: '搜索账号',
  lede: '输入账号名称、主办机构或地区，简体、繁体、拼音和拼音首字母都可以。结果会标明账号是否仍在运营；已关停的账号会直接给出现在该去的地方。',
  formLandmark: '搜索账号',
  tips: '例如：荣成公安、荣成、rongcheng、rcga。',
  noScriptHeading: '没有看到结果？',
  noScript: '搜索在你的浏览器中运行，需要启用脚本。脚本被关闭时，可以按地区浏览：每个地区页列出当地仍在运营和已关停的账号。',
  provinces: '省级行政区',
  nation: '全国及中央机构的账号',
  otherWays: '其他方式',
  closures: '最近关停的账号',
  verify: '已经有链接或账号？核验它是否是官方账号',
};

/** The results the search script shows under the box. */
export const searchResults = {
  found: (n: number, more: boolean) => (more ? `找到超过 ${n} 个结果，先显示最相关的；加上地名或机构可缩小范围` : n ? `找到 ${n} 个结果` : '没有找到结果，试试更短的关键词、拼音或首字母'),
  more: '显示更多',
  goTo: '请改看：',
  failed: '搜索暂时不可用，请按“搜索”浏览地区列表',
  place: '地区',
  channels: (n: number) => `${n} 个账号`,
};

/** The /verify/ page as built (the answers, and the report link they share with it, are verifyAnswers). */
export const verify = {
  title: '核验链接或账号',
  lede: '粘贴政务新媒体账号的链接或平台账号（如微博号、微信号），查看它是否是本登记册收录的官方账号、是否仍在运营，以及关停后该去哪里。',
  label: '链接或平台账号',
  hint: '例如 https://weibo.com/u/1234567890、weibo.com/账号名，或单独的账号名。http/https、www.、手机版地址和末尾的斜杠都不影响结果。',
  button: '核验',
  noScript: '自动核验需要在浏览器中运行脚本，而脚本现在被关闭了。请按下面“手动核对的方法”核对，结果是一样的。',
  manualHeading: '手动核对的方法',
  manualIntro: '不用脚本也能核对，本页的查询也只是替你做了这几步：',
  manualSteps: [
    '按名称搜索：用页面顶部的搜索框，或打开搜索页，查找账号或主办机构的名称。',
    '按地区浏览：找到主办机构所在的地区，地区页列出仍在运营和已关停的账号。',
    '比对地址：打开账号页，把“链接”和“平台账号”与你手上的完全比对。只有地址或账号一致才是同一个账号；名称相同并不能说明是官方账号。',
  ],
  searchLink: '打开搜索页',
  regionsLink: '按地区浏览',
  missingHeading: '“未收录”是什么意思',
  missingText: [
    '本登记册由志愿者根据公开来源整理，并不完整。没有收录，并不说明这个账号不是官方账号，也不说明它是假冒的；只说明我们还没有记录它。',
    '反过来，收录的账号以链接和平台账号为准：名称相同、头像相似的其他账号不一定是官方账号。',
  ],
  reportHeading: '缺少某个账号？',
  reportText: '如果你知道某个官方账号而这里没有收录，请通过 GitHub 上的表单告诉我们（需要 GitHub 账号），最好附上能证明它是官方账号的来源。',
};

/** The verify script's answers. */
export const verifyAnswers = {
  working: '正在查询……',
  failed: '暂时无法查询，请稍后再试，或按下面的方法手动核对。',
  active: '官方账号，仍在运营',
  dormant: '官方账号，但已停止更新',
  closing: (date?: string) => (date ? `官方账号，已于${date}宣布关停` : '官方账号，已宣布关停'),
  closed: (date?: string) => (date ? `官方账号，已于${date}关停` : '官方账号，已经关停'),
  goInstead: '现在请前往：',
  noDestination: '没有记录替代的账号或网站。',
  details: '查看账号详情',
  byHandle: (handle: string) => `按账号名“${handle}”找到，请核对平台是否一致。`,
  missing: '登记册中没有这个链接或账号',
  missingShort: '没有收录，并不说明它不是官方账号：登记册并不完整。可以按名称搜索，或告诉我们缺少的账号。',
  searchByName: '按名称搜索',
  reportLink: '报告缺少的账号',
  name: '这看起来是名称，而不是链接或账号。名称相同的账号不一定是官方账号，请按名称搜索后比对地址：',
  invalid: '无法识别这个链接：请粘贴以 http:// 或 https:// 开头的网址，或平台上的账号名。',
  several: (n: number) => `找到 ${n} 个账号：`,
};

/** The /changes/ page. */
export const changes = {
  title: '数据更新记录',
  lede: '每次数据发布（仓库中修改数据的提交）之间，哪些账号新增、关停、恢复、修改或删除。',
  kinds: { added: '新增', closed: '关停', reopened: '恢复运营', changed: '修改', removed: '删除' },
  version: (v: string, prev: string) => `数据版本 ${v}（与 ${prev} 相比）`,
  noChanges: '这一版本没有账号变化。',
  more: (n: string) => `另有 ${n} 项变化未列出，见完整数据。`,
  notices: '关停公告',
  sources: '来源',
  recordChanges: (a: number, c: number, r: number) => `新增 ${a}，修改 ${c}，删除 ${r}`,
  fields: '修改的字段',
  totals: (b: string, a: string) => `账号总数：${b} → ${a}`,
  problem: {
    'no-git': '构建时没有 git 仓库，无法列出数据的历史版本。',
    'outside-repository': '数据文件夹不在 git 仓库中，无法列出历史版本。',
    'no-commits': '数据还没有任何已提交的版本。',
  },
  shallow: '本次构建只取得了部分 git 历史（浅克隆），更早的版本未能列出。',
  capped: (n: number) => `只列出最近 ${n} 个版本；更早的变化请查看仓库的提交历史。`,
  start: (v: string, d: string) => `版本 ${v}（${d}）是数据的第一个版本。`,
  history: '完整的提交历史',
};

/** The /data/ page: the files, the API and how to read them. */
export const data = {
  title: '数据下载与接口',
  lede: '本站的全部数据都可以下载、转载和再利用，只需注明出处（CC BY 4.0）。文件在每次发布时从仓库中的数据重新生成。',
  cite: '如何引用',
  citeIntro: '请注明数据版本（数据提交）和日期，以便他人找到你所用的同一份数据：',
  versionLabel: '数据版本',
  dateLabel: '日期',
  unknownVersion: '（未知）',
  closuresHeading: '关停记录（CSV）',
  closuresIntro: '所有已关停和注销中的账号，一个文件，列与下面的完整数据相同，按省级行政区、地区、id 排序（在电子表格中可按关停日期重新排序）。',
  csvHeading: 'CSV：完整数据集，按省级行政区',
  csvIntro: '每个省级行政区一个 ZIP 文件（100000 为中央机构），双击即可在 Windows 和 macOS 上解压，里面是一个 CSV 文件；这些文件合起来就是完整数据集，每个账号只出现一次。文件地址按省级代码命名，不随数据量变化。CSV 为 UTF-8 编码（带 BOM，Excel 可直接打开中文）、逗号分隔、CRLF 换行，第一行为列名。列与仓库中 data/channels/*.csv 相同，其后是由地区树推导的几列。',
  injection: '防公式注入：（在开头的若干英文单引号和空格之后）以 =、+、-、@、制表符或回车开头的单元格，前面再加一个英文单引号（\'），电子表格会把它当作文字而不是公式执行；准确的规则及还原方法见下文。Parquet 和 JSON 文件中的值未做改动。',
  rows: '行',
  rowsHeading: '行数',
  total: '合计',
  place: '地区',
  /** The place of the file for code 100000. */
  centralBodies: '中央机构',
  jsonHeading: 'JSON：完整数据集',
  jsonIntro: '同样的账号以 JSON Lines 格式（每行一个 JSON 对象）只发布一次：就是下面 JSON 接口中按 id 分的文件。文件用 gzip 压缩（.gz）：命令行用 gunzip，Python 用 gzip 模块，浏览器用 DecompressionStream 解压；也可以直接用 7-Zip 等解压软件打开。按顺序首尾相接的多个 .gz 文件仍是一个有效的 gzip 流，所以下载全部文件后一次解压即得完整数据。',
  otherHeading: '其他文件',
  otherFiles: {
    datapackage: 'Frictionless Data Package v2 描述文件：每个数据文件（含大小）、每一列的类型和含义。',
    sources: '来源（参考文献），CSV。',
    events: '政策节点，CSV。',
    citation: '引用信息（Citation File Format），含数据版本。',
  },
  columnsHeading: '列说明',
  columnsIntro: '说明取自校验器所用的数据模式（与仓库文档 docs/data-contract.md 中的数据字典同源），类型和取值范围见 datapackage.json。',
  apiHeading: 'JSON 接口',
  apiIntro: '静态文件，可直接用 HTTP GET 获取，无需密钥。.json 文件是普通 JSON；.jsonl.gz 文件是 gzip 压缩的 JSON Lines（服务器按原样发送压缩文件，需自行解压）。字段后加 ? 表示可能缺省（空值不输出）；日期按数据原有精度写作 YYYY、YYYY-MM 或 YYYY-MM-DD。',
  /** What each file of the JSON API holds. */
  api: {
    index: '入口：数据版本、日期、许可、总数、各文件的位置、按 id 查找账号的规则，以及账号页面的地址：账号是所在地区页面上的一个条目，地址为该地区的 page 加上 #c-<id>；固定链接 /channels/<id>/ 由本站的“找不到页面”借助 JavaScript 转到该条目。',
    channels: (digits: number, shards: number) =>
      `按 id 查找账号：{shard} 是账号 id（UTF-8）的 SHA-256 摘要的前 ${digits} 位十六进制数字（小写），共 ${shards} 个文件，文件名不随数据量变化。JSON Lines 格式（每行一个账号，按 id 排序），gzip 压缩。${shards} 个文件合起来就是完整数据集的 JSON 版本（值保持原样，不加单引号）。`,
    regions: '全国、各省级行政区和各地级行政区，以及含下辖地区的账号统计；local 列出各省收录了账号的县级和乡级地区所在的文件。page 是地区的页面（乡级地区是其所在县级页面中的一节）。',
    provinceRegions: '一个省级行政区内收录了账号的县级和乡级地区。',
    closuresIndex: '关停与注销中的账号按省级行政区分文件（100000 为中央机构），此文件列出各文件及数量。',
    closures: '一个省级行政区的关停记录，JSON Lines 格式，gzip 压缩，最新的在前（按关停日期，没有则按宣布日期；无日期的在最后）。',
    events: '时间线上的政策节点。',
    sources: '账号记录引用的来源。',
  },
  recipesHeading: '读取 .jsonl.gz 文件',
  recipes: {
    oneChannel: '命令行：找到一个账号',
    wholeDataset: '命令行：下载完整的 JSON 数据集',
    browser: '浏览器中的 JavaScript',
  },
  feedsHeading: '关停订阅（Atom / JSON Feed）',
  feedsIntro: (national: number, province: number) =>
    `每条是一次数据发布（仓库中修改数据的一次提交）所记录的关停，最新的在前，时间为该次提交的时间；列出的每个账号链接到它在所在地区页面上的条目，并按数据原有的精度写明关停日期、原因和现在该去哪里（没有日期的关停也列出）。全国订阅最多列 ${national} 个账号，各省级行政区的订阅（feeds/<省级代码>.xml 与 .json，以省名命名）最多 ${province} 个。构建时没有 git 历史的话，只有一条，列出数据中所有的关停，时间为数据日期。`,
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
};

/** The /timeline/ page. */
export const timeline = {
  title: '时间线',
  intro: '政务新媒体的开通与关停随时间和地区的变化。每张图下方都有同样数字的数据表；只知道年份或没有日期的记录单独说明，不会被归入某个月份。',
  monthly: '每月关停与开通',
  live: '在运营的账号',
  platforms: '各平台在运营的账号',
  map: '各省关停数',
  ranked: '各省关停数排名',
  empty: '还没有收录任何账号，暂无可绘制的数据。',
  province: '省级行政区',
  rankedTitle: '各省级行政区政务新媒体关停数排名',
};

/** The charts on a region's page. */
export const regionCharts = {
  heading: '时间线',
  monthly: '每月关停与开通',
  children: '下辖地区关停数排名',
  area: '地区',
  childrenTitle: (area: string) => `${area}下辖地区关停数`,
};

/** The words inside the charts (titles, legends, notes, tables), and around them on a page. */
export const charts = {
  /** The caption under every chart. */
  caption: (source: string, day: string) => `数据来源：${source}；数据截至${day}。`,
  source: (version: string | undefined) => (version ? `政务新媒体账号登记册数据（版本 ${version}）` : '政务新媒体账号登记册数据'),
  /** The summary of a chart's folded table. */
  tableSummary: (rows: number) => `数据表（${rows}行）`,
  /** A share of an area without channels. */
  noShare: '无数据',
  measure: { closures: '关停数（注销中与已关停）', share: '关停占比' },
  areaColumns: { channels: '渠道总数', closures: '关停数', share: '关停占比' },
  monthly: {
    title: (area: string | undefined) => (area ? `${area}政务新媒体每月关停与开通数量` : '政务新媒体每月关停与开通数量'),
    span: (from: string, to: string) => `${from}至${to}`,
    legend: { effective: '关停生效', announced: '宣布关停', opened: '开通', yearOnly: '仅知年份（按年计）' },
    closuresPanel: '每月关停（个）',
    openedPanel: '每月开通（个）',
    effectiveYearOnly: '生效日期仅知年份：',
    announcedYearOnly: '宣布日期仅知年份：',
    openedYearOnly: '开通日期仅知年份：',
    events: '政策节点：',
    event: (n: number, date: string, title: string) => `${n}　${date}　${title}`,
    yearOnlyNote: (effective: number, announced: number, opened: number) =>
      `只知道年份的日期不计入任何月份，而按年单独列出（关停生效${formatCount(effective)}个，宣布关停${formatCount(announced)}个，开通${formatCount(opened)}个）。`,
    undatedClosed: (n: number) => `${formatCount(n)}个已关停渠道无关停日期`,
    undatedAnnounced: (n: number) => `${formatCount(n)}个关停无宣布日期`,
    undatedOpened: (n: number) => `${formatCount(n)}个渠道开通日期不详`,
    notShown: (items: readonly string[]) => `图中未显示：${items.join('；')}。`,
    scheduled: (n: number) => `另有${formatCount(n)}个渠道预定关停、尚未生效：只计入宣布关停，不计入关停生效。`,
    after: (n: number, month: string) => `${formatCount(n)}个日期晚于${month}，未显示。`,
    before: (n: number, month: string) => `${formatCount(n)}个日期早于${month}，未显示。`,
    peak: (month: string, n: number) => `，最多的月份是${month}（${formatCount(n)}个）`,
    description: (span: string, effective: number, peak: string, announced: number, opened: number) =>
      `柱状图：${span}每月政务新媒体关停与开通数量。按月可定位的关停生效${formatCount(effective)}个${peak}；宣布关停${formatCount(announced)}个；开通${formatCount(opened)}个。`,
    yearRow: (year: number) => `${year}年（仅知年份）`,
    beforeRow: (month: string) => `早于${month}`,
    afterRow: (month: string) => `晚于${month}`,
    noDate: '无日期',
    total: '合计',
    columns: { month: '月份', announced: '宣布关停', effective: '关停生效', opened: '开通' },
    emptyMonths: '没有任何关停或开通的月份不列出。',
  },
  live: {
    overallTitle: (area: string | undefined) => `${area ?? ''}各月末在运营的政务新媒体数量`,
    platformsTitle: (area: string | undefined) => `${area ?? ''}各平台在运营的政务新媒体数量`,
    allPlatforms: '全部平台',
    otherPlatforms: (n: number) => `其他${n}个平台`,
    endOfMonth: '月末',
    description: (from: string, to: string, lines: readonly { readonly label: string; readonly count: number }[]) =>
      `折线图：${from}至${to}各月末在运营的渠道数。${to}末：${lines.map((l) => `${l.label}${formatCount(l.count)}个`).join('，')}。`,
    countingNote: '每个渠道从确定已开通的月份（只知年份的，从该年12月）起计，至其关停可能发生的最早月份之前为止；停更账号在关停前仍计入。',
    openedUnknown: (n: number) => `开通日期不详的${formatCount(n)}个渠道未计入。`,
    closedUnknown: (n: number) => `关停日期不详的${formatCount(n)}个已关停渠道未计入。`,
  },
  tileMap: {
    title: { closures: '各省级行政区政务新媒体关停数', share: '各省级行政区政务新媒体关停占比' },
    description: (measure: string, leaders: readonly string[], withChannels: number) =>
      `方格地图：每个省级行政区一格，颜色深浅表示${measure}。${leaders.length ? `最高：${leaders.join('，')}。` : ''}${withChannels}个省级行政区有记录。`,
    province: '省级行政区',
    noChannels: '无记录',
    emptyNote: (n: number) => `${n}个省级行政区尚无记录（白色虚线格）。`,
    outsideNote: (n: number) => `中央机构的${formatCount(n)}个渠道不属于任何省份，未计入地图。`,
  },
  ranked: {
    title: { closures: '关停数排名', share: '关停占比排名' },
    description: (shown: number, measure: string, leaders: readonly string[]) =>
      `条形图：按${measure}排列的${shown}个地区。${leaders.length ? `最高：${leaders.join('，')}。` : ''}`,
    area: '地区',
    topNote: (shown: number, ranked: number) => `仅显示前${shown}名，共${ranked}个有记录的地区；完整数字见数据表。`,
    emptyNote: (n: number) => `${n}个地区尚无记录，未列出。`,
    outsideNote: (n: number) => `${formatCount(n)}个渠道不属于任何所列地区（如本级机构或中央机构），未计入。`,
  },
};

/** The closure feeds (Atom and JSON Feed), and the links to them in every page's head. */
export const feeds = {
  /** JSON Feed's language field. */
  language: 'zh-CN',
  /** The title of the feeds a page links. */
  linkTitle: (siteName: string) => `${siteName}：最近关停`,
  subtitle: (place: string | undefined) => `最近记录的政务新媒体账号关停${place ? `（${place}）` : ''}`,
  /** A closure's title: the channel, its platform and its status. */
  entryTitle: (name: string, platform: string, status: string) => `${name}（${platform}）${status}`,
  /** Before the closure sentence: which channel it is about. */
  about: (name: string, agency: string, platform: string) => `${name}（${agency}，${platform}）：`,
  goInstead: (destinations: readonly string[]) => `现在请前往：${destinations.join('；')}。`,
  notice: (title: string) => `关停公告：《${title}》。`,
  /** The title of a release's entry that lists several closures. */
  several: (n: number, version: string) => `${n} 个账号关停或宣布关停（数据版本 ${version}）`,
  /** The title of the one entry of a build without history. */
  snapshot: (n: number) => `登记册中的 ${n} 个关停账号`,
  /** After an entry's closures, those the feed's limit left out. */
  more: (n: number) => `另有 ${n} 个，见数据更新记录。`,
};

/** How to cite the dataset (the data page's box; the CITATION.cff names it in both languages). */
export const citation = {
  author: '政务新媒体账号登记册贡献者',
  title: '政务新媒体账号登记册',
  unversioned: '未标明版本',
  text: (author: string, title: string, version: string, date: string, url: string) => `${author}.《${title}》（数据版本 ${version}，${date}）. ${url}. 许可：CC BY 4.0.`,
};

// ---------------------------------------------------------------------------------------
// Sentences: what happened to a channel, in one plain sentence a citizen understands without
// the data contract's vocabulary ("该账号已于2024年8月14日停止运营。相关信息请关注“威海公安”。").
// One template per closure reason and status (closing or closed), each with or without a
// date (at the data's own precision) and with or without successors.

type Parts = SentencePart[];

const date = (d: ApproxDate): SentencePart => datePart(d, formatDate(d, 'zh'));

/** "“A”、“B”和C", with "（目前已关停）" after successors no longer live. */
function targetList(targets: readonly SentenceTarget[]): Parts {
  const parts: Parts = [];
  targets.forEach((target, i) => {
    if (i > 0) parts.push(text(i === targets.length - 1 ? punctuation.and : punctuation.listComma));
    // channel names are quoted; web addresses are not
    if (!target.external) parts.push(text('“'));
    parts.push({ kind: 'target', target });
    if (!target.external) parts.push(text('”'));
    if (target.status && target.status !== 'active') parts.push(text(`（目前${STATUS_LABELS[target.status].zh}）`));
  });
  return parts;
}

interface ReasonWords {
  /** Before "该账号", giving the cause ("因主办机构已撤销，"). */
  readonly lead?: string;
  /** What happens, after "该账号已于…" / "将于…": with the successors, or without any. */
  readonly verb: (targets: Parts | undefined, closed: boolean) => Parts;
  /** Said after the main sentence whatever the successors ("请勿相信…"). */
  readonly warning?: string;
  /** With successors that the verb does not name: "相关信息请关注…". */
  readonly advice?: string;
}

const REASONS: Record<Reason, ReasonWords> = {
  merged: { verb: (t) => (t ? [text('并入'), ...t] : [text('并入其他账号')]) },
  renamed: { verb: (t) => (t ? [text('更名为'), ...t] : [text('更名')]) },
  replaced: { verb: (t) => (t ? [text('停止运营，由'), ...t, text('取代')] : [text('停止运营，由其他账号取代')]) },
  moved: {
    verb: (t, closed) => [text(closed ? '停止运营，相关信息已迁移至' : '停止运营，相关信息将迁移至'), ...(t ?? [text('其他渠道')])],
  },
  split: { verb: (t) => (t ? [text('拆分为'), ...t] : [text('拆分为多个账号')]) },
  abolished: { lead: '因主办机构已撤销，', verb: () => [text('停止运营')], advice: '相关信息请关注' },
  discontinued: { verb: (_t, closed) => [text(closed ? '停止运营' : '停止运营并注销')], advice: '相关信息请关注' },
  compromised: {
    lead: '因被盗用或失去控制，',
    verb: () => [text('停止使用')],
    warning: '请勿相信以该账号名义发布的信息。',
    advice: '官方信息请关注',
  },
};

export const sentences = {
  /** A closing or closed channel: what happened (or will), when, and to whom it passed. */
  closure(facts: ClosureFacts): SentencePart[] {
    const r = REASONS[facts.reason];
    const targets = facts.targets.length > 0 ? targetList(facts.targets) : undefined;
    const closed = facts.status === 'closed';
    const verb = r.verb(r.advice ? undefined : targets, closed);
    const parts: Parts = [text(r.lead ?? ''), text('该账号')];
    let after = '';
    if (closed) {
      parts.push(...(facts.closed ? [text('已于'), date(facts.closed)] : [text('已')]), ...verb);
    } else {
      const timing = closingTiming(facts);
      if (timing.kind === 'due') parts.push(text('将于'), date(timing.date), ...verb);
      else if (timing.kind === 'overdue') {
        parts.push(text('原定于'), date(timing.date), ...verb);
        after = '，目前尚未确认是否已完成';
      } else if (timing.kind === 'announced') parts.push(text('已于'), date(timing.date), text('宣布将'), ...verb);
      else parts.push(text('即将'), ...verb);
    }
    parts.push(text(`${after}。`));
    if (r.warning) parts.push(text(r.warning));
    if (r.advice && targets) parts.push(text(r.advice), ...targets, text('。'));
    return tidy(parts);
  },
};
