/**
 * A tile-grid map of China: one equal square per province-level division, placed on an 7 × 8
 * grid so that neighbours stay neighbours and the outline reads as China (Heilongjiang top
 * right, Xinjiang and Tibet left, Hainan, Hong Kong and Macao at the bottom). Equal tiles give
 * small provinces the same weight as Xinjiang, which suits per-province counts better than a
 * geographic map, and need no GeoJSON.
 */

export interface TilePosition {
  readonly code: string;
  /** Column from the west, 0-based. */
  readonly col: number;
  /** Row from the north, 0-based. */
  readonly row: number;
  /** Short Chinese name for the tile. */
  readonly zh: string;
  /** English name for wide tiles. */
  readonly en: string;
  /** Two-letter abbreviation (ISO 3166-2:CN) for narrow tiles. */
  readonly abbr: string;
}

export const TILE_COLUMNS = 7;
export const TILE_ROWS = 8;

export const CHINA_TILE_GRID: readonly TilePosition[] = [
  { code: '230000', col: 6, row: 0, zh: '黑龙江', en: 'Heilongjiang', abbr: 'HL' },
  { code: '150000', col: 3, row: 1, zh: '内蒙古', en: 'Inner Mongolia', abbr: 'NM' },
  { code: '110000', col: 4, row: 1, zh: '北京', en: 'Beijing', abbr: 'BJ' },
  { code: '210000', col: 5, row: 1, zh: '辽宁', en: 'Liaoning', abbr: 'LN' },
  { code: '220000', col: 6, row: 1, zh: '吉林', en: 'Jilin', abbr: 'JL' },
  { code: '650000', col: 0, row: 2, zh: '新疆', en: 'Xinjiang', abbr: 'XJ' },
  { code: '620000', col: 1, row: 2, zh: '甘肃', en: 'Gansu', abbr: 'GS' },
  { code: '640000', col: 2, row: 2, zh: '宁夏', en: 'Ningxia', abbr: 'NX' },
  { code: '140000', col: 3, row: 2, zh: '山西', en: 'Shanxi', abbr: 'SX' },
  { code: '130000', col: 4, row: 2, zh: '河北', en: 'Hebei', abbr: 'HE' },
  { code: '120000', col: 5, row: 2, zh: '天津', en: 'Tianjin', abbr: 'TJ' },
  { code: '540000', col: 0, row: 3, zh: '西藏', en: 'Tibet', abbr: 'XZ' },
  { code: '630000', col: 1, row: 3, zh: '青海', en: 'Qinghai', abbr: 'QH' },
  { code: '610000', col: 2, row: 3, zh: '陕西', en: 'Shaanxi', abbr: 'SN' },
  { code: '410000', col: 3, row: 3, zh: '河南', en: 'Henan', abbr: 'HA' },
  { code: '370000', col: 4, row: 3, zh: '山东', en: 'Shandong', abbr: 'SD' },
  { code: '510000', col: 1, row: 4, zh: '四川', en: 'Sichuan', abbr: 'SC' },
  { code: '500000', col: 2, row: 4, zh: '重庆', en: 'Chongqing', abbr: 'CQ' },
  { code: '420000', col: 3, row: 4, zh: '湖北', en: 'Hubei', abbr: 'HB' },
  { code: '340000', col: 4, row: 4, zh: '安徽', en: 'Anhui', abbr: 'AH' },
  { code: '320000', col: 5, row: 4, zh: '江苏', en: 'Jiangsu', abbr: 'JS' },
  { code: '310000', col: 6, row: 4, zh: '上海', en: 'Shanghai', abbr: 'SH' },
  { code: '530000', col: 1, row: 5, zh: '云南', en: 'Yunnan', abbr: 'YN' },
  { code: '520000', col: 2, row: 5, zh: '贵州', en: 'Guizhou', abbr: 'GZ' },
  { code: '430000', col: 3, row: 5, zh: '湖南', en: 'Hunan', abbr: 'HN' },
  { code: '360000', col: 4, row: 5, zh: '江西', en: 'Jiangxi', abbr: 'JX' },
  { code: '330000', col: 5, row: 5, zh: '浙江', en: 'Zhejiang', abbr: 'ZJ' },
  { code: '450000', col: 2, row: 6, zh: '广西', en: 'Guangxi', abbr: 'GX' },
  { code: '440000', col: 3, row: 6, zh: '广东', en: 'Guangdong', abbr: 'GD' },
  { code: '350000', col: 4, row: 6, zh: '福建', en: 'Fujian', abbr: 'FJ' },
  { code: '710000', col: 5, row: 6, zh: '台湾', en: 'Taiwan', abbr: 'TW' },
  { code: '460000', col: 2, row: 7, zh: '海南', en: 'Hainan', abbr: 'HI' },
  { code: '820000', col: 3, row: 7, zh: '澳门', en: 'Macao', abbr: 'MO' },
  { code: '810000', col: 4, row: 7, zh: '香港', en: 'Hong Kong', abbr: 'HK' },
];

const BY_CODE = new Map(CHINA_TILE_GRID.map((p) => [p.code, p] as const));

export function tileOf(code: string): TilePosition | undefined {
  return BY_CODE.get(code);
}
