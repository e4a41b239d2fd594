/**
 * Every word the site, its charts, its browser scripts and its feeds show in English: the
 * same sections and keys as zh.ts, each typed from it, so a missing or extra key is a type
 * error (see zh.ts for how the catalogue is laid out).
 */
import { formatDate, type ApproxDate } from '../domain/approx-date.ts';
import { STATUS_LABELS, type Reason } from '../domain/vocabulary.ts';
import { formatCount } from '../format/count.ts';
import { closingTiming, datePart, text, tidy, type ClosureFacts, type SentencePart, type SentenceTarget } from './sentence-parts.ts';
import type * as Zh from './zh.ts';

/** "1 closure" / "2 closures": English nouns agree with their count. */
function countNoun(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "is" or "are", after a count. */
const isAre = (n: number) => (n === 1 ? 'is' : 'are');

export const locale: typeof Zh.locale = {
  html: 'en',
  number: 'en-GB',
  collation: 'en',
};

export const site: typeof Zh.site = {
  name: 'Government New-Media Channel Registry',
  tagline: 'Which official government channels are still active, which have closed, and where to go instead.',
  skipToContent: 'Skip to content',
  nav: { home: 'Home', regions: 'Regions', closures: 'Closures', timeline: 'Timeline', about: 'About', methodology: 'Methodology', contribute: 'Contribute', data: 'Data', changes: 'Changes' },
  navLabel: 'Main',
  langSwitch: '中文',
  syntheticBanner: 'Synthetic data — not real. The channels on this site were generated for testing.',
  footer: {
    licence: 'Data licence',
    source: 'Source code and data',
    updated: 'Data updated',
    version: 'Data version',
  },
  breadcrumbLabel: 'Breadcrumb',
  ogLocale: 'en_US',
  joinSentences: (sentences) => sentences.join(' '),
};

export const punctuation: typeof Zh.punctuation = {
  listComma: ', ',
  and: ' and ',
  semicolon: '; ',
  openParen: '(',
  closeParen: ')',
  colon: ': ',
};

export const names: typeof Zh.names = {
  withPlatform: (name, platform) => `${name} (${platform})`,
  /** "Rongcheng, Weihai, Shandong": the smallest first. */
  place: (largestFirst) => [...largestFirst].reverse().join(', '),
};

export const places: typeof Zh.places = {
  central: 'Central government',
};

export const listDate: typeof Zh.listDate = {
  opened: 'opened',
  announced: 'closure announced',
  closed: 'closed',
  closes: 'closes',
};

export const home: typeof Zh.home = {
  channelsRecorded: 'Channels recorded',
  byStatus: 'By status',
  sinceDirective: 'Closed or closing since the December 2023 directive against “formalism on fingertips”',
  provincesCovered: (n, of) => `${n} of ${of} provinces with channels recorded`,
  byPlatform: 'By platform',
  recentClosures: 'Recent closures',
  noClosures: 'No closures recorded yet.',
  scheduledClosures: 'Scheduled closures',
  scheduledIntro: 'Announced and not yet in effect, soonest first.',
  browseRegions: 'Browse by region',
  central: 'Central government channels',
};

export const region: typeof Zh.region = {
  channelsHere: 'Channels of bodies at this level',
  totalWithChildren: (n) => `${n} channels including subdivisions`,
  childrenHeading: 'Subdivisions',
  provincesHeading: 'Provinces',
  noneRecorded: 'no channels recorded yet',
  emptyState: 'No channels recorded here yet.',
  helpAdd: 'Help add them',
  countsHeading: 'Channels (including subdivisions)',
  liveHeading: 'Channels of bodies at this level',
  liveIntro: 'Listed by the body that runs them, live ones first: to find a department’s accounts, look for its name. Closed ones say where to go now.',
  closedHeading: 'Recent closures',
  closedIntro: 'The most recent of the {n} closed channels on this page; follow a name for the details and where to go now.',
  scheduledHeading: 'Scheduled closures',
  scheduledIntro: 'Closures on this page announced and not yet in effect ({n}), soonest first.',
  sectionsHeading: 'Channels of towns and subdistricts',
  sourcesHeading: 'Sources cited on this page',
  entry: { homepage: 'homepage', handle: 'Platform handle', notice: 'Closure notice', replaces: 'Replaces: ', more: (n) => `and ${n} more` },
  noOwnChannels: 'No channels of bodies at this level are recorded yet; the subdivisions’ channels are below.',
  reportMissing: 'Is an account missing here? Tell us',
};

export const channel: typeof Zh.channel = {
  agency: 'Agency',
  platform: 'Platform',
  handle: 'Handle',
  url: 'Link',
  region: 'Region',
  level: 'Level',
  status: 'Status',
  opened: 'Opened',
  announced: 'Closure announced',
  closed: 'Closed',
  reason: 'Reason',
  goInstead: 'Go here instead',
  via: 'via',
  noDestination: 'No replacement channel or website is recorded.',
  followers: 'Followers',
  posts: 'Posts',
  notice: 'Closure notice',
  noticeText: 'Text of the notice',
  noticeSummary: 'Summary of the notice',
  issuer: 'Issued by',
  effective: 'Effective',
  sources: 'Sources',
  archive: 'archived copy',
  checked: 'Last checked',
  notes: 'Notes',
  siblings: 'Other channels of this agency',
  predecessors: 'Replaces',
  details: 'Details',
  whereNow: 'Where to go now',
  chainNote: 'Closed channels passed on the way:',
  reach: 'How to reach it',
  reachNote: 'Check the address or handle above: other accounts with the same name are not necessarily official.',
  followersAtClosure: 'Followers at closure',
  postsAtClosure: 'Posts at closure',
  readNotice: 'Read the whole notice',
  readSummary: 'Read the summary of the notice and its sources',
  noticeExcerpt: 'Excerpt',
  reportHeading: 'Spot a problem?',
  reportWrong: 'Something about this account is wrong',
  reportClosed: 'This account has closed',
  reportNote: 'The links open a pre-filled issue on GitHub (a GitHub account is needed).',
  platformSiblings: 'The same body on other platforms',
};

export const notice: typeof Zh.notice = {
  label: 'Closure notice',
  closes: 'Channels this notice closes',
  otherLanguage: 'The notice is in Chinese and shown as published.',
  published: 'Published',
};

export const notFound: typeof Zh.notFound = {
  title: 'Page not found',
  body: 'There is no page at this address. A channel’s permanent link (/channels/<id>/) forwards to its entry on its region’s page, which needs JavaScript; you can also search for the channel’s name above. If the link came from this site, please tell us.',
  resolving: 'Going to the channel’s region page…',
  home: 'Back to the home page',
};

export const closures: typeof Zh.closures = {
  title: 'Closures',
  intro: 'Every government channel that has closed or is closing: when (to the precision known), where, whose, which platform, and where to go instead. Filters also cover level and reason; the CSV download adds the sources.',
  total: (n) => `${n} channels closed or closing.`,
  latest: 'Latest closures',
  scheduled: 'Scheduled closures',
  scheduledIntro: (n) => `${n} announced and not yet in effect, soonest first; the latest closures below are only those in effect.`,
  allScheduled: (n) => `All ${n} scheduled closures`,
  scheduledCaption: 'Channels scheduled to close, not yet closed',
  index: 'Browse by month',
  more: (n) => `All ${n} closures of this month`,
  filters: 'Filter',
  dateRange: 'Date range',
  from: 'From (month)',
  to: 'To (month)',
  dateHelp: 'A closure known only to the year is in a range only when the whole year is; undated closures are in no range.',
  province: 'Province',
  prefecture: 'Prefecture',
  any: 'Any',
  apply: 'Apply',
  clear: 'Clear filters',
  download: 'Download this view (CSV)',
  showMore: 'Show 200 more',
  loading: 'Loading the data…',
  loadFailed: 'The data could not be loaded; please reload the page.',
  showing: (shown, total) => `Showing ${shown} of ${total} matching closures`,
  none: 'No closures match these filters.',
  shareHint: 'The filters are part of the address: copy it to share or cite this view.',
  sortBy: (col) => `Sort by ${col.toLowerCase()}`,
  periodTitle: (label) => `Closures, ${label}`,
  periodSummary: (n) => `${n} channels, by province.`,
  provinces: 'Provinces in this period',
  page: 'Page',
  pagesLabel: 'Pages',
  newer: 'Newer',
  older: 'Older',
  backToIndex: 'All closures',
  year: (year) => year,
  yearOnly: (y) => `${y} (month unknown)`,
  undated: 'No date',
  tableCaption: (label) => `Channels closed, ${label}`,
};

export const closuresTable: typeof Zh.closuresTable = {
  columns: {
    date: 'Date',
    channel: 'Channel',
    platform: 'Platform',
    region: 'Region',
    agency: 'Agency',
    status: 'Status',
    destination: 'Go instead to',
    level: 'Level',
    reason: 'Reason',
  },
  undated: 'no date',
  announced: (date) => `${date} (announced)`,
  moreDestinations: (more) => ` +${more} more`,
  csvHeaders: ['date', 'date_precision', 'status', 'channel', 'channel_id', 'platform', 'province', 'prefecture', 'region', 'region_code', 'agency', 'level', 'reason', 'destination', 'destination_url', 'source', 'source_url', 'registry_page'],
  precision: { year: 'year', month: 'month', day: 'day' },
  announcedPrecision: (precision) => `${precision} (announced)`,
};

export const searchBox: typeof Zh.searchBox = {
  landmark: 'Site search',
  label: 'Search channels, bodies or places',
  placeholder: 'Channel, body or place',
  button: 'Search',
  verify: 'Verify a link or handle',
};

export const searchPage: typeof Zh.searchPage = {
  title: 'Search the registry',
  lede: 'Type a channel’s name, the body that runs it or a place; simplified and traditional characters, pinyin and initials all work. Results show whether each channel is still active, and for closed ones, where to go now.',
  formLandmark: 'Search channels',
  tips: 'For example: 荣成公安, 荣成, rongcheng, rcga.',
  noScriptHeading: 'No results showing?',
  noScript: 'Search runs in your browser and needs JavaScript. Without it, browse by region: each region’s page lists its active and closed channels.',
  provinces: 'Provinces',
  nation: 'The whole country and central government channels',
  otherWays: 'Other ways in',
  closures: 'Recent closures',
  verify: 'Have a link or handle? Check whether it is official',
};

export const searchResults: typeof Zh.searchResults = {
  found: (n, more) => (more ? `More than ${n} results; the most relevant first. Add a place or body to narrow them.` : n ? `${n} result${n === 1 ? '' : 's'}` : 'No results. Try fewer characters, pinyin or initials.'),
  more: 'Show more',
  goTo: 'Go here instead: ',
  failed: 'Search is unavailable right now; press Search to browse regions.',
  place: 'Place',
  channels: (n) => `${n} channel${n === 1 ? '' : 's'}`,
};

export const verify: typeof Zh.verify = {
  title: 'Verify a link or handle',
  lede: 'Paste the link or handle of a government account (a Weibo or WeChat id, say) to see whether it is an official channel recorded in this registry, whether it is still active, and where to go if it has closed.',
  label: 'Link or handle',
  hint: 'For example https://weibo.com/u/1234567890, weibo.com/name, or a handle alone. http or https, www., mobile addresses and a trailing slash make no difference.',
  button: 'Verify',
  noScript: 'The automatic check runs in your browser and needs JavaScript, which is turned off. Check by hand as described below: the result is the same.',
  manualHeading: 'Checking by hand',
  manualIntro: 'No script is needed: the check on this page only does these steps for you.',
  manualSteps: [
    'Search by name: use the search box at the top of the page, or open the search page, and look for the account or the body that runs it.',
    'Browse by region: find the region of the body that runs it; the region page lists its active and closed channels.',
    'Compare the address: open the channel page and compare its link and handle with yours. Only the same address or handle is the same account; a matching name proves nothing.',
  ],
  searchLink: 'Open the search page',
  regionsLink: 'Browse by region',
  missingHeading: 'What “not in the registry” means',
  missingText: [
    'This registry is compiled by volunteers from public sources and is incomplete. An account that is not recorded here may still be official, and is not shown to be fake; it only means we have not recorded it yet.',
    'The other way round, a recorded account is identified by its link and handle: other accounts with the same name or a similar picture are not necessarily official.',
  ],
  reportHeading: 'Is an account missing?',
  reportText: 'If you know of an official account that is not recorded here, tell us with the form on GitHub (a GitHub account is needed), ideally with a source showing that it is official.',
};

export const verifyAnswers: typeof Zh.verifyAnswers = {
  working: 'Checking…',
  failed: 'The check is unavailable right now; try again later, or check by hand as described below.',
  active: 'Official and active',
  dormant: 'Official, but no longer updated',
  closing: (date) => (date ? `Official; closure announced ${date}` : 'Official; closure announced'),
  closed: (date) => (date ? `Official but closed since ${date}` : 'Official but closed'),
  goInstead: 'Go here instead: ',
  noDestination: 'No replacement channel or website is recorded.',
  details: 'Channel details',
  byHandle: (handle) => `Found by the handle “${handle}”: check that the platform matches.`,
  missing: 'Not in the registry',
  missingShort: 'Not being recorded does not mean it is not official: the registry is incomplete. Search by name, or tell us about the missing account.',
  searchByName: 'Search by name',
  reportLink: 'Report a missing account',
  name: 'This looks like a name rather than a link or handle. Accounts with the same name are not necessarily official: search by name, then compare the address.',
  invalid: 'This is not a link we can read: paste an address starting with http:// or https://, or a handle on the platform.',
  several: (n) => `${n} channels found:`,
};

export const changes: typeof Zh.changes = {
  title: 'Data changes',
  lede: 'Between each release of the data (each commit that changed it in the repository): which channels were added, closed, reopened, changed or removed.',
  kinds: { added: 'Added', closed: 'Closed', reopened: 'Reopened', changed: 'Changed', removed: 'Removed' },
  version: (v, prev) => `Data version ${v} (compared with ${prev})`,
  noChanges: 'No channel changed in this version.',
  more: (n) => `${n} more changes not listed here; see the full data.`,
  notices: 'Closure notices',
  sources: 'Sources',
  recordChanges: (a, c, r) => `${a} added, ${c} changed, ${r} removed`,
  fields: 'fields changed',
  totals: (b, a) => `Channels in total: ${b} → ${a}`,
  problem: {
    'no-git': 'This build had no git repository, so past versions of the data cannot be listed.',
    'outside-repository': 'The data folder is not in a git repository, so past versions cannot be listed.',
    'no-commits': 'The data has no committed version yet.',
  },
  shallow: 'This build had only part of the git history (a shallow clone); earlier versions could not be listed.',
  capped: (n) => `Only the latest ${n} versions are listed; see the repository's history for earlier changes.`,
  start: (v, d) => `Version ${v} (${d}) is the first version of the data.`,
  history: 'Full commit history',
};

export const data: typeof Zh.data = {
  title: 'Data downloads and API',
  lede: 'All of the data on this site can be downloaded, republished and reused, with attribution (CC BY 4.0). The files are generated afresh from the repository\'s data at every release.',
  cite: 'How to cite',
  citeIntro: 'Please give the data version (the data commit) and date, so others can find the same data you used:',
  versionLabel: 'Data version',
  dateLabel: 'Date',
  unknownVersion: '(unknown)',
  closuresHeading: 'Closures (CSV)',
  closuresIntro: 'Every closed and closing channel in one file, with the same columns as the full dataset below, ordered by province, region and id (sort by the closed column in a spreadsheet for the newest first).',
  csvHeading: 'CSV: the full dataset, by province',
  csvIntro: 'One ZIP file per province-level division (100000 for central bodies), which opens with a double click on Windows and macOS and holds one CSV file; together they are the full dataset, each channel in exactly one. The addresses are named by province code and do not change as the data grows. The CSV is UTF-8 (with a byte-order mark, so Excel shows the Chinese correctly), comma-separated, with CRLF line ends and column names in the first row. The columns are those of data/channels/*.csv in the repository, followed by a few derived from the region tree.',
  injection: 'Formula-injection guard: cells that begin (after any single quotes and spaces) with =, +, -, @, a tab or a carriage return have one more single quote (\') put in front, so spreadsheet programs show them as text instead of running them as formulas; the exact rule, and how to undo it, is below. The Parquet and JSON files carry the values unchanged.',
  rows: 'rows',
  rowsHeading: 'Rows',
  total: 'Total',
  place: 'Place',
  centralBodies: 'Central bodies',
  jsonHeading: 'JSON: the full dataset',
  jsonIntro: 'The same channels are published once as JSON Lines (one JSON object per line): the JSON API\'s channel files by id, below. The files are gzip-compressed (.gz): gunzip on the command line, the gzip module in Python, DecompressionStream in a browser, or an archive program such as 7-Zip. Gzip files joined end to end are still one valid gzip stream, so downloading all of them and decompressing once gives the whole dataset.',
  otherHeading: 'Other files',
  otherFiles: {
    datapackage: 'Frictionless Data Package v2 descriptor: every data file (with its size) and every column\'s type and meaning.',
    sources: 'Sources (the bibliography), CSV.',
    events: 'Policy milestones, CSV.',
    citation: 'Citation metadata (Citation File Format) with the data version.',
  },
  columnsHeading: 'Columns',
  columnsIntro: 'The meanings come from the schemas the validator uses (the same source as the data dictionary in the repository\'s docs/data-contract.md); types and allowed values are in datapackage.json.',
  apiHeading: 'JSON API',
  apiIntro: 'Static files: plain HTTP GET, no key. The .json files are plain JSON; the .jsonl.gz files are gzip-compressed JSON Lines (the server sends the compressed file as it is: decompress it yourself). A field marked ? may be absent (empty values are left out); dates keep the data\'s precision: YYYY, YYYY-MM or YYYY-MM-DD.',
  api: {
    index: 'Entry point: data version, date, licence, totals, where every file is, the rule that finds a channel by id, and where a channel\'s page is: a channel is an entry on its region\'s page, at the region\'s page followed by #c-<id>; the permalink /channels/<id>/ gets there through the site\'s not-found page, with JavaScript.',
    channels: (digits, shards) =>
      `A channel by id: {shard} is the first ${digits} hex digits (lower case) of the SHA-256 digest of the channel id (UTF-8): ${shards} files whose names never change as the data grows. JSON Lines (one channel per line, sorted by id), gzip-compressed. Together the ${shards} files are the full dataset as JSON (values unchanged, no quote prefix).`,
    regions: 'The nation, every province and every prefecture, with counts including subdivisions; local lists the files holding each province\'s counties and townships with channels. page is the region\'s page (for a township, its section of its county\'s page).',
    provinceRegions: 'A province\'s counties and townships that have channels.',
    closuresIndex: 'Closing and closed channels, one file per province (100000 for central bodies); this file lists them with counts.',
    closures: 'One province\'s closures as JSON Lines, gzip-compressed, newest first (by closure date, else announcement; undated last).',
    events: 'Policy milestones on the timeline.',
    sources: 'The sources rows cite.',
  },
  recipesHeading: 'Reading the .jsonl.gz files',
  recipes: {
    oneChannel: 'Command line: one channel',
    wholeDataset: 'Command line: the whole dataset as JSON Lines',
    browser: 'JavaScript in a browser',
  },
  feedsHeading: 'Closure feeds (Atom / JSON Feed)',
  feedsIntro: (national, province) =>
    `Each entry is a release of the data (a commit that changed it in the repository) that recorded closures, newest first, dated when it was committed; each channel it lists links its entry on its region's page and says when it closed (as precisely as the data knows), why, and where to go instead (closures with no date are listed too). At most ${national} channels in the national feed and ${province} in each province's (feeds/<province-code>.xml and .json, titled with the province's name). A build without git history has one entry instead: every closure in the data, dated the data's day.`,
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
};

export const timeline: typeof Zh.timeline = {
  title: 'Timeline',
  intro: 'How government channels opened and closed over time and across the country. Every chart has a table with the same numbers below it; dates known only to the year, or not at all, are stated separately, never placed in a month.',
  monthly: 'Closures and openings per month',
  live: 'Channels open',
  platforms: 'Channels open, by platform',
  map: 'Closures by province',
  ranked: 'Provinces ranked by closures',
  empty: 'No channels recorded yet, so there is nothing to chart.',
  province: 'Province',
  rankedTitle: 'Closures of government channels by province, ranked',
};

export const regionCharts: typeof Zh.regionCharts = {
  heading: 'Timeline',
  monthly: 'Closures and openings per month',
  children: 'Subdivisions ranked by closures',
  area: 'Area',
  childrenTitle: (area) => `${area}: closures by subdivision`,
};

/** An English title after an optional area name: "Shandong: government channels…" or "Government channels…". */
const areaTitle = (area: string | undefined, phrase: string) => (area ? `${area}: ${phrase}` : phrase.charAt(0).toUpperCase() + phrase.slice(1));

export const charts: typeof Zh.charts = {
  caption: (source, day) => `Source: ${source}. Data as of ${day}.`,
  source: (version) => (version ? `Government New-Media Channel Registry data, version ${version}` : 'Government New-Media Channel Registry data'),
  tableSummary: (rows) => `Data table (${rows} rows)`,
  noShare: 'n/a',
  measure: { closures: 'closures (closing or closed)', share: 'share of channels closed' },
  areaColumns: { channels: 'Channels', closures: 'Closures', share: 'Share closed' },
  monthly: {
    title: (area) => (area ? `${area}: government channels closed and opened per month` : 'Government channels closed and opened per month'),
    span: (from, to) => `${from}–${to}`,
    legend: { effective: 'Closures taking effect', announced: 'Closures announced', opened: 'Channels opened', yearOnly: 'Known only to the year (per year)' },
    closuresPanel: 'Closures per month',
    openedPanel: 'Channels opened per month',
    effectiveYearOnly: 'Took effect, year only:',
    announcedYearOnly: 'Announced, year only:',
    openedYearOnly: 'Opened, year only:',
    events: 'Policy milestones:',
    event: (n, date, title) => `${n}. ${date}: ${title}`,
    yearOnlyNote: (effective, announced, opened) =>
      `Dates known only to the year are not put in any month but counted per year (closures taking effect: ${formatCount(effective)}; announced: ${formatCount(announced)}; openings: ${formatCount(opened)}).`,
    undatedClosed: (n) => `${countNoun(n, 'closed channel', 'closed channels')} with no closure date`,
    undatedAnnounced: (n) => `${countNoun(n, 'closure', 'closures')} with no announcement date`,
    undatedOpened: (n) => `${countNoun(n, 'channel', 'channels')} with no opening date`,
    notShown: (items) => `Not shown: ${items.join('; ')}.`,
    scheduled: (n) => `${countNoun(n, 'more channel is', 'more channels are')} scheduled to close and not closed yet: counted as announced, not as taking effect.`,
    after: (n, month) => `${countNoun(n, 'date falls', 'dates fall')} after ${month} and ${isAre(n)} not shown.`,
    before: (n, month) => `${countNoun(n, 'date falls', 'dates fall')} before ${month} and ${isAre(n)} not shown.`,
    peak: (month, n) => `, most in ${month} (${formatCount(n)})`,
    description: (span, effective, peak, announced, opened) =>
      `Bar chart of government channels closed and opened per month, ${span}. ${formatCount(effective)} closures took effect in a known month${peak}; ${formatCount(announced)} were announced; ${formatCount(opened)} channels opened.`,
    yearRow: (year) => `${year} (year only)`,
    beforeRow: (month) => `Before ${month}`,
    afterRow: (month) => `After ${month}`,
    noDate: 'No date',
    total: 'Total',
    columns: { month: 'Month', announced: 'Closures announced', effective: 'Closures taking effect', opened: 'Channels opened' },
    emptyMonths: 'Months with no closures or openings are left out.',
  },
  live: {
    overallTitle: (area) => areaTitle(area, 'government channels open at the end of each month'),
    platformsTitle: (area) => areaTitle(area, 'government channels open, by platform'),
    allPlatforms: 'All platforms',
    otherPlatforms: (n) => `${n} other platforms`,
    endOfMonth: 'End of month',
    description: (from, to, lines) =>
      `Line chart of channels open at the end of each month, ${from} to ${to}. At the end of ${to}: ${lines.map((l) => `${l.label} ${formatCount(l.count)}`).join(', ')}.`,
    countingNote:
      'A channel counts from the month by which it had certainly opened (December, for a year-only date) until the earliest month its closure may have happened; dormant channels count until they close.',
    openedUnknown: (n) => `${countNoun(n, 'channel', 'channels')} with an unknown opening date ${isAre(n)} not counted.`,
    closedUnknown: (n) => `${countNoun(n, 'closed channel', 'closed channels')} with an unknown closure date ${isAre(n)} not counted.`,
  },
  tileMap: {
    title: { closures: 'Closures of government channels by province', share: 'Share of government channels closed, by province' },
    description: (measure, leaders, withChannels) =>
      `Tile-grid map of China, one square per province-level division, shaded by ${measure}. ${leaders.length ? `Highest: ${leaders.join(', ')}. ` : ''}${withChannels} divisions have channels recorded.`,
    province: 'Province',
    noChannels: 'no channels recorded',
    emptyNote: (n) => `${n} province-level divisions have no channels recorded yet (white dashed tiles).`,
    outsideNote: (n) => `${countNoun(n, 'channel', 'channels')} of central bodies belong${n === 1 ? 's' : ''} to no province and ${isAre(n)} not on the map.`,
  },
  ranked: {
    title: { closures: 'Closures, ranked', share: 'Share of channels closed, ranked' },
    description: (shown, measure, leaders) => `Bar chart of ${shown} areas ranked by ${measure}.${leaders.length ? ` Highest: ${leaders.join(', ')}.` : ''}`,
    area: 'Area',
    topNote: (shown, ranked) => `Top ${shown} of ${ranked} areas with channels shown; the table has them all.`,
    emptyNote: (n) => `${n} areas with no channels recorded are not listed.`,
    outsideNote: (n) => `${countNoun(n, 'channel belongs', 'channels belong')} to none of these areas (the level's own bodies, or central bodies) and ${isAre(n)} not counted.`,
  },
};

export const feeds: typeof Zh.feeds = {
  language: 'en',
  linkTitle: (siteName) => `${siteName}: recent closures`,
  subtitle: (place) => `Government channel closures recently recorded${place ? ` (${place})` : ''}`,
  entryTitle: (name, platform, status) => `${name} (${platform}) ${status.toLowerCase()}`,
  about: (name, agency, platform) => `${name} (${agency}, ${platform}): `,
  goInstead: (destinations) => `Go here instead: ${destinations.join('; ')}.`,
  notice: (title) => `Closure notice: “${title}”.`,
  several: (n, version) => `${n} channels closed or closing (data version ${version})`,
  snapshot: (n) => `${n} closed or closing channels in the registry`,
  more: (n) => `${n} more: see the data changes.`,
};

export const citation: typeof Zh.citation = {
  author: 'Government New-Media Channel Registry contributors',
  title: 'Government New-Media Channel Registry',
  unversioned: 'unversioned',
  text: (author, title, version, date, url) => `${author}. ${title} (data version ${version}, ${date}). ${url}. Licensed under CC BY 4.0.`,
};

// ---------------------------------------------------------------------------------------
// Sentences: "On 14 August 2024, this account stopped operating. For related information,
// go to Weihai Police." One template per closure reason, in the base form (after "will" and
// "was due to") and the past tense.

type Parts = SentencePart[];

const date = (d: ApproxDate): SentencePart => datePart(d, formatDate(d, 'en'));

/** "On 14 August 2024" / "In April 2024" / "In 2024", to open a sentence. */
function when(d: ApproxDate): Parts {
  return [text(d.precision === 'day' ? 'On ' : 'In '), date(d)];
}

/** "A, B and C", with "(now closed)" after successors no longer live. */
function targetList(targets: readonly SentenceTarget[]): Parts {
  const parts: Parts = [];
  targets.forEach((target, i) => {
    if (i > 0) parts.push(text(i === targets.length - 1 ? punctuation.and : punctuation.listComma));
    parts.push({ kind: 'target', target });
    if (target.status && target.status !== 'active') parts.push(text(` (now ${STATUS_LABELS[target.status].en.toLowerCase()})`));
  });
  return parts;
}

interface ReasonWords {
  /** After "this account will" / "was due to": the base form. */
  readonly base: (targets: Parts | undefined) => Parts;
  /** After "this account": the past tense. */
  readonly past: (targets: Parts | undefined) => Parts;
  readonly warning?: string;
  readonly advice?: string;
}

const or = (t: Parts | undefined, otherwise: string): Parts => t ?? [text(otherwise)];

const REASONS: Record<Reason, ReasonWords> = {
  merged: {
    base: (t) => [text('be merged into '), ...or(t, 'another account')],
    past: (t) => [text('was merged into '), ...or(t, 'another account')],
  },
  renamed: {
    base: (t) => (t ? [text('be renamed and continue as '), ...t] : [text('be renamed')]),
    past: (t) => (t ? [text('was renamed; it continues as '), ...t] : [text('was renamed')]),
  },
  replaced: {
    base: (t) => [text('close and be replaced by '), ...or(t, 'other accounts')],
    past: (t) => [text('closed and was replaced by '), ...or(t, 'other accounts')],
  },
  moved: {
    base: (t) => [text('close and move its information to '), ...or(t, 'other channels')],
    past: (t) => [text('closed and its information moved to '), ...or(t, 'other channels')],
  },
  split: {
    base: (t) => [text('close and be split into '), ...or(t, 'several accounts')],
    past: (t) => [text('closed and was split into '), ...or(t, 'several accounts')],
  },
  abolished: {
    base: () => [text('close because the body that ran it no longer exists')],
    past: () => [text('closed because the body that ran it no longer exists')],
    advice: 'For related information, go to ',
  },
  discontinued: {
    base: () => [text('stop operating and close')],
    past: () => [text('stopped operating')],
    advice: 'For related information, go to ',
  },
  compromised: {
    base: () => [text('be shut down because it was hacked or lost to its owner’s control')],
    past: () => [text('was shut down because it had been hacked or lost to its owner’s control')],
    warning: ' Do not trust anything posted in its name.',
    advice: 'For official information, go to ',
  },
};

export const sentences: typeof Zh.sentences = {
  closure(facts: ClosureFacts): SentencePart[] {
    const r = REASONS[facts.reason];
    const targets = facts.targets.length > 0 ? targetList(facts.targets) : undefined;
    const named = r.advice ? undefined : targets;
    const parts: Parts = [];
    if (facts.status === 'closed') {
      if (facts.closed) parts.push(...when(facts.closed), text(', this account '));
      else parts.push(text('This account '));
      parts.push(...r.past(named), text('.'));
    } else {
      const timing = closingTiming(facts);
      if (timing.kind === 'due') parts.push(...when(timing.date), text(', this account will '), ...r.base(named), text('.'));
      else if (timing.kind === 'overdue') {
        parts.push(...when(timing.date), text(', this account was due to '), ...r.base(named), text('; whether this has happened is not yet confirmed.'));
      } else if (timing.kind === 'announced') {
        parts.push(...when(timing.date), text(', it was announced that this account will '), ...r.base(named), text('.'));
      } else parts.push(text('The closure of this account has been announced: it will '), ...r.base(named), text('.'));
    }
    if (r.warning) parts.push(text(r.warning));
    if (r.advice && targets) parts.push(text(' '), text(r.advice), ...targets, text('.'));
    return tidy(parts);
  },
};
