/**
 * Which column of a published list holds what. Lists put a title and notes above the table
 * and name their columns in many ways (单位名称, 主办单位, 开办单位 …), so the header is the
 * first row (of the first thirty) that names at least two known columns, one of them the body
 * or the account's name; rows above it are not data. Names are compared after the usual
 * variations are removed (full-width forms, spaces, a bracketed note such as "（必填）", a
 * trailing colon, case). A person can name a column outright (--column name=账号名称).
 */
import { quoted } from '../domain/diagnostics.ts';
import type { SourceRow } from './read-table.ts';

/** What a list's column can hold, as the importer uses it. */
export const LIST_FIELDS = ['agency', 'name', 'platform', 'handle', 'opened', 'url', 'status', 'area', 'seq'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

/** The fields a row needs to become a registry row. */
export const REQUIRED_FIELDS: readonly ListField[] = ['agency', 'name', 'platform'];

const FIELD_LABELS: Record<ListField, string> = {
  agency: 'body (单位名称)',
  name: 'account name (账号名称)',
  platform: 'platform (平台)',
  handle: 'handle (账号/微信号)',
  opened: 'opened (开通时间)',
  url: 'address (网址)',
  status: 'status (状态)',
  area: 'area (所属地区)',
  seq: 'number (序号)',
};

export function fieldLabel(field: ListField): string {
  return FIELD_LABELS[field];
}

const SYNONYMS: Record<ListField, readonly string[]> = {
  seq: ['序号', '编号', '序', 'no', 'no.', '#', '行号'],
  agency: [
    '单位名称', '主办单位', '开办单位', '主管单位', '运营单位', '运维单位', '主办单位名称', '开办单位名称', '开办主体', '主办主体', '开设主体',
    '单位', '机构', '机构名称', '部门', '部门名称', '所属单位', '责任单位', '主办机构', '开办机构', '主体名称',
    'agency', 'body', 'organization', 'organisation', 'owner', 'department',
  ],
  name: [
    '账号名称', '帐号名称', '新媒体名称', '政务新媒体名称', '新媒体账号名称', '名称', '账号名', '帐号名', '账号昵称', '昵称', '公众号名称', '微博名称', '平台账号名称',
    'name', 'accountname', 'channelname',
  ],
  platform: [
    '平台', '类型', '渠道', '平台类型', '账号类型', '帐号类型', '新媒体类型', '媒体类型', '所在平台', '发布平台', '平台名称', '新媒体平台', '类别', '账号平台',
    'platform', 'type', 'channeltype',
  ],
  handle: [
    '账号', '帐号', '微信号', 'id', '账号id', '帐号id', '微博id', '原始id', '微博号', '抖音号', '快手号', '用户名', 'uid',
    'handle', 'accountid', 'username',
  ],
  opened: ['开通时间', '开通日期', '注册时间', '注册日期', '开设时间', '创建时间', '上线时间', '开通年月', 'opened', 'openingdate', 'opendate'],
  url: ['网址', '链接', '链接地址', '地址', '主页', '主页地址', '网页地址', '账号链接', '访问地址', 'url', 'link', 'website', 'homepage'],
  status: ['状态', '运营状态', '账号状态', '帐号状态', '运行状态', 'status'],
  area: ['地区', '所属地区', '所在地区', '区县', '所属区县', '县市区', '行政区划', '区域', '属地', 'area', 'region'],
};

/** A header cell as compared: no full-width forms, spaces, bracketed notes, trailing colon or star; lower case. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[([【（][^)\]】）]*[)\]】）]/g, '')
    .replace(/[\s*:：]+/g, '')
    .toLowerCase();
}

const BY_NAME = new Map<string, ListField>();
for (const field of LIST_FIELDS) for (const name of SYNONYMS[field]) BY_NAME.set(normaliseHeader(name), field);

export interface HeaderMap {
  /** The header row. */
  readonly header: SourceRow;
  /** Field → index of its column. */
  readonly columns: ReadonlyMap<ListField, number>;
  /** Columns that hold none of the fields (or repeat one already taken), with why. */
  readonly unmapped: readonly { readonly index: number; readonly text: string; readonly why: string }[];
  /** Required fields no column holds. */
  readonly missing: readonly ListField[];
}

/** How far down a header is looked for: below the title and a few lines of notes. */
const HEADER_SEARCH_ROWS = 30;

/**
 * The header of a table and what each column holds, or undefined when no row of the first
 * thirty looks like a header. `overrides` (field → header text) win over the names.
 */
export function mapHeader(rows: readonly SourceRow[], overrides: ReadonlyMap<ListField, string> = new Map()): HeaderMap | undefined {
  const overrideByName = new Map([...overrides].map(([field, name]) => [normaliseHeader(name), field] as const));
  const fieldOf = (cell: string): ListField | undefined => {
    const name = normaliseHeader(cell);
    return overrideByName.get(name) ?? (overrides.has(BY_NAME.get(name)!) ? undefined : BY_NAME.get(name));
  };
  for (const row of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const fields = row.cells.map(fieldOf);
    const distinct = new Set(fields.filter((f) => f !== undefined));
    if (distinct.size < 2 || (!distinct.has('agency') && !distinct.has('name'))) continue;
    const columns = new Map<ListField, number>();
    const unmapped: { index: number; text: string; why: string }[] = [];
    fields.forEach((field, index) => {
      const text = row.cells[index]!;
      if (text === '') return;
      if (field === undefined) {
        unmapped.push({ index, text, why: 'no registry column has this name; name it with --column FIELD="…" if it holds one' });
      } else if (columns.has(field)) {
        unmapped.push({ index, text, why: `another column (${quoted(row.cells[columns.get(field)!]!)}) already gives the ${fieldLabel(field)}` });
      } else {
        columns.set(field, index);
      }
    });
    return { header: row, columns, unmapped, missing: REQUIRED_FIELDS.filter((f) => !columns.has(f)) };
  }
  return undefined;
}

/** True when a row repeats the header (long tables repeat it on every printed page). */
export function isHeaderRepeat(row: SourceRow, header: HeaderMap): boolean {
  for (const [, index] of header.columns) {
    if (normaliseHeader(row.cells[index] ?? '') !== normaliseHeader(header.header.cells[index] ?? '')) return false;
  }
  return true;
}
