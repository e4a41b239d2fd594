/**
 * What a pasted link or account id means, as lookup keys: the same account written in
 * different ways (http or https, www. or not, the mobile host, a trailing slash, the host in
 * capitals, weibo.com/u/<uid> or weibo.com/<uid> or m.weibo.cn/profile/<uid>, an article's
 * __biz for a WeChat account, "@handle" or a full-width "ｒｃｇａ１１０") gives the same keys.
 * The builder makes keys from each channel's url and handle with these functions; the verify
 * page makes keys from what the reader pasted; a channel matches when a key is shared.
 *
 * Three kinds of key:
 *   u:<host><path>[?query]   a web address, canonical (see canonicalUrl)
 *   p:<space>:<id>           an account id read from a platform address (p:weibo:1234567890)
 *   h:<handle>               a handle on any platform (h:rcga110), for a bare id pasted alone
 * A platform address gives u: and p: keys, so weibo.com/rcga110 matches only a Weibo account
 * with that handle, while a bare "rcga110" matches it on any platform.
 *
 * Plain functions of their input: used at build time and bundled into the browser client.
 */

/** A parsed address: the canonical key text and any account ids read from it. */
export interface CanonicalUrl {
  /** Host and path as keyed (no scheme, no "www.", no trailing slash): "weibo.com/u/1234567890". */
  readonly text: string;
  /** Account ids found in the address ("weibo:1234567890"), without the p: prefix. */
  readonly ids: readonly string[];
}

export type ParsedInput =
  | { readonly kind: 'empty' }
  /** Words, not an address or id (contains spaces or Chinese characters): search for it instead. */
  | { readonly kind: 'name'; readonly text: string }
  /** Looks like an address but cannot be one (other scheme, no host). */
  | { readonly kind: 'invalid'; readonly text: string }
  | { readonly kind: 'url'; readonly text: string; readonly keys: readonly string[] }
  | { readonly kind: 'handle'; readonly text: string; readonly keys: readonly string[] };

/** Hosts of one platform that show the same accounts, mapped to one name. */
const HOST_ALIASES: Record<string, string> = {
  'weibo.cn': 'weibo.com',
  'm.weibo.cn': 'weibo.com',
  'm.weibo.com': 'weibo.com',
  'www.weibo.cn': 'weibo.com',
  'iesdouyin.com': 'douyin.com',
  'www.iesdouyin.com': 'douyin.com',
  'live.douyin.com': 'douyin.com',
  'live.kuaishou.com': 'kuaishou.com',
  'v.kuaishou.com': 'kuaishou.com',
  'm.bilibili.com': 'bilibili.com',
  'xhslink.com': 'xiaohongshu.com',
};

/** Leading labels that name a mobile or "world wide web" version of the same site. */
const HOST_PREFIXES = /^(?:www\d?|m|wap|mobile|3g|h5)\./;

/** Hosts whose account paths are case-insensitive (Weibo's personal domains). */
const CASE_INSENSITIVE_PATH = new Set(['weibo.com']);

/** Platform hosts: the query string never names the account, except where read below. */
const PLATFORM_HOSTS = new Set(['weibo.com', 'douyin.com', 'kuaishou.com', 'toutiao.com', 'bilibili.com', 'space.bilibili.com', 'xiaohongshu.com', 'mp.weixin.qq.com', 'channels.weixin.qq.com']);

/** Query parameters that track a visit and never change the page. */
const TRACKING_PARAM = /^(?:utm_\w+|spm|from|share_\w+|sharer_\w+|refer\w*|source|scene|is_from_webapp|timestamp|ts|_t|isappinstalled|wfr|sudaref|display|retcode|chksm|mpshare|srcid|vd_source)$/i;

/** Final path segments that are the folder itself. */
const INDEX_FILE = /\/(?:index|default)\.(?:s?html?|php|aspx?|jsp)$/i;

/** Weibo paths whose first segment is not an account. */
const WEIBO_RESERVED = new Set(['u', 'n', 'p', 'profile', 'status', 'detail', 'search', 'hot', 'at', 'message', 'home', 'ajax', 'tv', 'signup', 'login', 'set', 'i', 'topic', 'h5', 'a']);

/** Full-width forms and compatibility characters folded (ｗｅｉｂｏ．ｃｏｍ → weibo.com). */
function fold(input: string): string {
  return input.normalize('NFKC').replace(/[\u200b-\u200d\ufeff]/g, '').trim();
}

/** A handle as keyed: no "@", lower case (platform ids ignore case), no spaces. */
export function normaliseHandle(handle: string): string {
  return fold(handle).replace(/^@+/, '').replace(/\s+/g, '').toLowerCase();
}

function decodePath(path: string): string {
  return path.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.toUpperCase();
    }
  });
}

/**
 * The canonical key text of an http(s) address, or undefined when the text is not one.
 * Scheme, default port, "www."/"m." and other mobile prefixes, a trailing slash or index
 * file, the fragment and tracking parameters make no difference; the host's case never does,
 * the path's only on hosts that ignore it.
 */
export function canonicalUrl(input: string): CanonicalUrl | undefined {
  let text = fold(input);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) text = `https://${text.replace(/^\/+/, '')}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  let host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (!host.includes('.')) return undefined;
  host = HOST_ALIASES[host] ?? host;
  // m.www.example.gov.cn → example.gov.cn, but never down to a bare top-level domain
  for (let stripped = host.replace(HOST_PREFIXES, ''); stripped !== host && stripped.includes('.'); stripped = host.replace(HOST_PREFIXES, '')) {
    host = HOST_ALIASES[stripped] ?? stripped;
  }
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';

  let path = decodePath(url.pathname).replace(/\/{2,}/g, '/').replace(INDEX_FILE, '/').replace(/\/+$/, '');
  // m.bilibili.com/space/123 is space.bilibili.com/123
  if (host === 'bilibili.com') {
    const space = /^\/space\/(\d+)/.exec(path);
    if (space) {
      host = 'space.bilibili.com';
      path = `/${space[1]}`;
    }
  }
  if (CASE_INSENSITIVE_PATH.has(host)) path = path.toLowerCase();

  const params = [...url.searchParams].filter(([name]) => !TRACKING_PARAM.test(name));
  const ids = accountIds(host, path, url.searchParams);
  let query = '';
  if (!PLATFORM_HOSTS.has(host) && params.length) {
    params.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
    query = `?${params.map(([k, v]) => (v ? `${k}=${v}` : k)).join('&')}`;
  }
  return { text: `${host}${port}${path}${query}`, ids };
}

/** Account ids an address names on the platforms whose address formats are known. */
function accountIds(host: string, path: string, search: URLSearchParams): string[] {
  const seg = path.split('/').filter(Boolean);
  const ids: string[] = [];
  switch (host) {
    case 'weibo.com': {
      // /u/<uid>, /profile/<uid> (m.weibo.cn), /<uid>, /<uid>/<post>, /<personal domain>
      const [first, second] = seg;
      if ((first === 'u' || first === 'profile') && second && /^\d+$/.test(second)) ids.push(`weibo:${second}`);
      else if (first && /^\d{5,}$/.test(first)) ids.push(`weibo:${first}`);
      else if (first && !WEIBO_RESERVED.has(first) && /^[a-z0-9_-]+$/.test(first)) ids.push(`weibo:${first}`);
      break;
    }
    case 'mp.weixin.qq.com': {
      const biz = search.get('__biz');
      if (biz) ids.push(`wechat-biz:${biz.replace(/=+$/, '')}`);
      break;
    }
    case 'douyin.com':
      if (seg[0] === 'user' && seg[1]) ids.push(`douyin-user:${seg[1]}`);
      break;
    case 'kuaishou.com':
      if ((seg[0] === 'profile' || seg[0] === 'u') && seg[1]) ids.push(`kuaishou-user:${seg[1]}`);
      break;
    case 'toutiao.com':
      if (seg[0] === 'c' && seg[1] === 'user' && seg[2] && /^\d+$/.test(seg[2])) ids.push(`toutiao:${seg[2]}`);
      break;
    case 'space.bilibili.com':
      if (seg[0] && /^\d+$/.test(seg[0])) ids.push(`bilibili:${seg[0]}`);
      break;
    case 'xiaohongshu.com':
      if (seg[0] === 'user' && seg[1] === 'profile' && seg[2]) ids.push(`xiaohongshu:${seg[2]}`);
      break;
  }
  return ids;
}

/** The platforms whose handle column holds the id read from their addresses. */
const HANDLE_SPACES: Partial<Record<string, string>> = { weibo: 'weibo', toutiao: 'toutiao', bilibili: 'bilibili' };

/** Every key a channel is found by: its address, ids read from it, and its handle. */
export function channelKeys(channel: { platform: string; url?: string; handle?: string }): string[] {
  const keys = new Set<string>();
  if (channel.url) {
    const canonical = canonicalUrl(channel.url);
    if (canonical) {
      keys.add(`u:${canonical.text}`);
      for (const id of canonical.ids) {
        keys.add(`p:${id}`);
        keys.add(`h:${normaliseHandle(id.slice(id.indexOf(':') + 1))}`);
      }
    }
  }
  if (channel.handle) {
    const handle = normaliseHandle(channel.handle);
    if (handle) {
      keys.add(`h:${handle}`);
      const space = HANDLE_SPACES[channel.platform];
      if (space) keys.add(`p:${space}:${handle}`);
    }
  }
  return [...keys];
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** host.tld[:port] followed by a path or the end: an address written without its scheme. */
const BARE_ADDRESS = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?(?:[/?#]|$)/i;
const HANDLE = /^@?[\w.-]+$/;

/**
 * What the reader pasted, and the keys to look it up by. A dotted word without a slash
 * ("cn.gov.app" or "weibo.com") may be an app's package name or a bare host, so both are
 * tried.
 */
export function parseInput(input: string): ParsedInput {
  const text = fold(input).replace(/^[<"'“‘「『(（]+|[>"'”’」』)）。，,;；]+$/g, '').trim();
  if (!text) return { kind: 'empty' };
  if (SCHEME.test(text) || (BARE_ADDRESS.test(text) && /[/?#]/.test(text))) {
    const canonical = canonicalUrl(text);
    if (!canonical) return { kind: 'invalid', text };
    return { kind: 'url', text, keys: [`u:${canonical.text}`, ...canonical.ids.map((id) => `p:${id}`)] };
  }
  if (HANDLE.test(text)) {
    const handle = normaliseHandle(text);
    const keys = [`h:${handle}`];
    if (BARE_ADDRESS.test(text) && !text.startsWith('@')) {
      const canonical = canonicalUrl(text);
      if (canonical) keys.unshift(`u:${canonical.text}`);
    }
    return { kind: keys.length > 1 ? 'url' : 'handle', text, keys };
  }
  return { kind: 'name', text };
}

