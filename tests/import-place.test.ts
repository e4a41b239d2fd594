import { describe, expect, it } from 'vitest';
import { builtinRegionEntries, RegionIndex } from '../src/domain/regions.ts';
import { IdMaker } from '../src/import/ids.ts';
import { Placer, type Placement } from '../src/import/place.ts';
import { platformOf } from '../src/import/platform-map.ts';
import { mapHeader } from '../src/import/header-map.ts';
import type { SourceRow } from '../src/import/read-table.ts';

const regions = new RegionIndex(builtinRegionEntries());
const weihai = new Placer(regions, '371000');

/** A placement as "code level", or "CODE: candidate codes" for review. */
function shown(p: Placement): string {
  return p.ok ? `${p.region.code} ${p.level}` : `${p.code}: ${p.candidates.map((c) => c.code).join(',')}`;
}

describe('placing a body within the list\'s area', () => {
  it.each([
    ['威海市生态环境局', '371000 prefectural'],
    ['中共威海市委宣传部', '371000 prefectural'],
    ['山东省威海市气象局', '371000 prefectural'],
    ['荣成市公安局', '371082 county'],
    ['荣成公安局', '371082 county'],
    ['威海市公安局环翠分局', '371002 county'],
    ['威海经济技术开发区管理委员会', '371072 county'],
    ['文登区泽头镇人民政府', '371003107 township'],
    ['泽头镇人民政府', '371003107 township'],
    ['荣成市城西街道办事处', '371082008 township'],
    ['城西街道办事处', '371082008 township'],
    ['荣成市公安局港西派出所', '371082104 township'],
    ['港西派出所', '371082104 township'],
    ['乳山市乳山口镇人民政府', '371083101 township'],
    ['文登营镇人民政府', '371003100 township'],
    ['荣成市港湾街道海港社区居民委员会', '371082002 community'],
    ['荣成市宁津街道东墩村村民委员会', '371082001 community'],
  ])('%s → %s', (agency, expected) => {
    expect(shown(weihai.place(agency))).toBe(expected);
  });

  it.each([
    ['烟台市公安局', 'IMPORT_PLACE_NONE: 370600'],
    ['青岛市市南区人民政府', 'IMPORT_PLACE_NONE: 370200,370202'],
    ['市生态环境局', 'IMPORT_PLACE_NONE: '],
    ['威海高区管委会', 'IMPORT_PLACE_NONE: 371000'],
    ['荣成市石岛镇人民政府', 'IMPORT_PLACE_NONE: 371082'],
    ['威海市市场监督管理局开发区分局', 'IMPORT_PLACE_NONE: 371000'],
    ['荣成市东墩村村民委员会', 'IMPORT_LEVEL: 371082'],
    ['荣成市人民政府泽头镇', 'IMPORT_PLACE_AMBIGUOUS: 371003107,371082'],
  ])('%s is left for review (%s)', (agency, expected) => {
    expect(shown(weihai.place(agency))).toBe(expected);
  });

  it('says why, naming the candidates', () => {
    const outside = weihai.place('烟台市公安局');
    expect(outside).toMatchObject({ ok: false, message: '"烟台市公安局" names no division of 威海市 (371000) but 烟台市 (370600): a body outside the list\'s area?' });
    expect(weihai.place('威海高区管委会')).toMatchObject({ message: expect.stringContaining('to name a place ("…高区") that is not in the division list') });
  });

  it('leaves a name that fits several divisions of the area for review, and places it once the county is named', () => {
    const shandong = new Placer(regions, '370000');
    expect(shown(shandong.place('城西街道办事处'))).toBe('IMPORT_PLACE_AMBIGUOUS: 370304002,371082008');
    expect(shown(shandong.place('夏庄镇人民政府'))).toBe('IMPORT_PLACE_AMBIGUOUS: 370785103,371082105,371122104');
    expect(shandong.place('夏庄镇人民政府')).toMatchObject({ message: expect.stringMatching(/^"夏庄镇人民政府" fits 3 divisions: 夏庄镇 \(370785103\), 夏庄镇 \(371082105\), 夏庄镇 \(371122104\)/) });
    expect(shown(shandong.place('荣成市城西街道办事处'))).toBe('371082008 township');
    expect(shown(shandong.place('市中区人民政府'))).toBe('IMPORT_PLACE_AMBIGUOUS: 370103,370402');
  });

  it('does not take a body word for a place: 荆州市公安局 is the city\'s, not 公安县\'s', () => {
    const jingzhou = new Placer(regions, '421000');
    expect(regions.get('421022')!.name).toBe('公安县');
    expect(shown(jingzhou.place('荆州市公安局'))).toBe('421000 prefectural');
    expect(shown(jingzhou.place('公安县公安局'))).toBe('421022 county');
  });

  it('places a body of a county list, and leaves one of the city above it for review', () => {
    const rongcheng = new Placer(regions, '371082');
    expect(shown(rongcheng.place('宁津街道办事处'))).toBe('371082001 township');
    expect(shown(rongcheng.place('威海市生态环境局'))).toBe('IMPORT_PLACE_NONE: 371000');
    expect(rongcheng.place('威海市生态环境局')).toMatchObject({ message: expect.stringContaining('import it with --region 371000') });
  });

  it('uses the row\'s area cell when the body\'s name has no place', () => {
    expect(shown(weihai.place('公安局', '荣成市'))).toBe('371082 county');
    expect(shown(weihai.place('荣成市公安局', '荣成市'))).toBe('371082 county');
  });
});

describe('platform labels', () => {
  it.each([
    ['新浪微博', 'weibo'], ['微博', 'weibo'], ['Weibo', 'weibo'], ['微信公众号', 'wechat'], ['微信公众号（服务号）', 'wechat'], ['公众号', 'wechat'],
    ['微信视频号', 'wechat-channels'], ['视频号', 'wechat-channels'], ['WeChat Channels', 'wechat-channels'], ['抖音', 'douyin'], ['抖音号', 'douyin'],
    ['快手', 'kuaishou'], ['今日头条', 'toutiao'], ['头条号', 'toutiao'], ['政务APP', 'app'], ['客户端', 'app'], ['微信小程序', 'mini-program'],
    ['Mini-program', 'mini-program'], ['哔哩哔哩', 'bilibili'], ['小红书', 'xiaohongshu'], ['ＱＱ', 'qq'], ['门户网站', 'website'], ['其他', 'other'],
  ])('%s → %s', (label, platform) => {
    expect(platformOf(label)).toBe(platform);
  });

  it.each(['腾讯微博', '微信、微博', '视频', '网易', ''])('does not guess at %j', (label) => {
    expect(platformOf(label)).toBeUndefined();
  });
});

describe('ids', () => {
  const id = (agency: string, platform: Parameters<IdMaker['make']>[0]['platform'], name = '名称', taken: string[] = []) => {
    const p = weihai.place(agency);
    if (!p.ok) throw new Error(p.message);
    return new IdMaker(regions, (x) => taken.includes(x)).make({ region: p.region, before: p.before, middle: p.middle, after: p.after, platform, name });
  };

  it('are made of the place in pinyin, the kind of body and the platform, like the registry\'s own', () => {
    expect(id('荣成市公安局', 'weibo')).toBe('rongcheng-police-weibo');
    expect(id('荣成市人民政府', 'wechat')).toBe('rongcheng-wechat');
    expect(id('文登区泽头镇人民政府', 'weibo')).toBe('wendeng-zetou-weibo');
    expect(id('环翠区市场监督管理局', 'wechat')).toBe('weihai-huancui-market-wechat');
    expect(id('威海市公安局环翠分局', 'weibo')).toBe('weihai-huancui-police-weibo');
    expect(id('中共威海市委宣传部', 'wechat-channels')).toBe('weihai-publicity-wechat-channels');
    expect(id('荣成市公安局港西派出所', 'wechat')).toBe('rongcheng-gangxi-police-station-wechat');
    expect(id('威海市大数据中心', 'app')).toBe('weihai-dashujuzhongxin-app');
    expect(id('威海经济技术开发区管理委员会', 'other')).toBe('weihai-jingjijishukaifa-account');
  });

  it('stay unique: a taken id gets the account\'s name, then a number', () => {
    expect(id('荣成市公安局', 'weibo', '平安荣成', ['rongcheng-police-weibo'])).toBe('rongcheng-police-weibo-pinganrongcheng');
    expect(id('荣成市公安局', 'weibo', '平安荣成', ['rongcheng-police-weibo', 'rongcheng-police-weibo-pinganrongcheng'])).toBe('rongcheng-police-weibo-2');
    const maker = new IdMaker(regions, () => false);
    const p = weihai.place('荣成市公安局');
    if (!p.ok) throw new Error('unplaced');
    const row = { region: p.region, before: p.before, middle: p.middle, after: p.after, platform: 'wechat' as const };
    expect([maker.make({ ...row, name: '荣成公安' }), maker.make({ ...row, name: '平安荣成' })]).toEqual(['rongcheng-police-wechat', 'rongcheng-police-wechat-pinganrongcheng']);
  });
});

describe('finding the header', () => {
  const row = (line: number, ...cells: string[]): SourceRow => ({ line, cells, col: (i) => i + 1 });

  it('skips titles and notes, maps Chinese and English names, and reports the columns it cannot use', () => {
    const header = mapHeader([row(1, '威海市政务新媒体名录'), row(2, '说明：账号名称以平台显示为准'), row(3, '序 号', '主办单位（全称）', '新媒体名称', 'Platform', '微信号', '粉丝数', '开办单位')]);
    expect(header?.header.line).toBe(3);
    expect(Object.fromEntries(header!.columns)).toEqual({ seq: 0, agency: 1, name: 2, platform: 3, handle: 4 });
    expect(header!.unmapped.map((u) => `${u.index}:${u.text}`)).toEqual(['5:粉丝数', '6:开办单位']);
    expect(header!.missing).toEqual([]);
  });

  it('takes --column overrides over the names it knows', () => {
    const header = mapHeader([row(1, '单位', '名称', '微博', '类型')], new Map([['platform', '类型'], ['handle', '微博']]));
    expect(Object.fromEntries(header!.columns)).toEqual({ agency: 0, name: 1, handle: 2, platform: 3 });
  });

  it('finds no header in rows that name no known column', () => {
    expect(mapHeader([row(1, '威海市'), row(2, '荣成市公安局', '荣成公安', '微博')])).toBeUndefined();
  });
});
