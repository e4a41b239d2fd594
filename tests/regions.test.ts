import { describe, expect, it } from 'vitest';
import { builtinRegionEntries, englishName, impliedParent, kindOfCode, RegionIndex, shortName } from '../src/domain/regions.ts';

const index = new RegionIndex(builtinRegionEntries());

describe('the built-in division list', () => {
  it('holds provinces, prefectures, counties and townships down to the press-report places', () => {
    expect(index.size).toBeGreaterThan(44000);
    expect(index.lineage('371082').map((r) => r.name)).toEqual(['全国', '山东省', '威海市', '荣成市']);
    expect(index.lineage('360729200').map((r) => r.name)).toEqual(['全国', '江西省', '赣州市', '全南县', '中寨乡']);
    expect(index.get('451103101')?.name).toBe('黄田镇');
  });

  it('skips the municipalities\' placeholder city level (市辖区)', () => {
    expect(index.lineage('110101014').map((r) => r.name)).toEqual(['全国', '北京市', '东城区', '龙潭街道']);
    expect(index.has('110100')).toBe(false);
    expect(index.get('500101')?.parent).toBe('500000');
  });

  it('hangs province-administered counties from the province', () => {
    expect(index.get('419001')?.parent).toBe('410000'); // 济源市
  });

  it('keeps county-less prefecture cities once, with their townships under them', () => {
    const dongguan = index.get('441900')!;
    expect(dongguan.kind).toBe('prefecture');
    expect(dongguan.children.length).toBeGreaterThan(20);
    expect(index.get(dongguan.children[0]!)?.kind).toBe('township');
  });

  it('includes Hong Kong, Macao and Taiwan at province level', () => {
    expect(index.get('810000')).toMatchObject({ name: '香港特别行政区', nameEn: 'Hong Kong', parent: '100000' });
  });
});

describe('region codes', () => {
  it('tell their kind and implied parent', () => {
    expect(['100000', '370000', '371000', '371082', '360729200'].map(kindOfCode)).toEqual(['nation', 'province', 'prefecture', 'county', 'township']);
    expect(['370000', '371000', '371082', '360729200'].map(impliedParent)).toEqual(['100000', '370000', '371000', '360729']);
  });
});

describe('short names', () => {
  it('drop the designation, and an autonomous division\'s peoples, never below two characters', () => {
    expect(shortName('371082', '荣成市')).toBe('荣成');
    expect(shortName('422800', '恩施土家族苗族自治州')).toBe('恩施');
    expect(shortName('469030', '琼中黎族苗族自治县')).toBe('琼中');
    expect(shortName('450000', '广西壮族自治区')).toBe('广西');
    expect(shortName('370000', '山东省')).toBe('山东');
    expect(shortName('320322', '沛县')).toBe('沛县');
    expect(shortName('360729200', '中寨乡')).toBe('中寨');
  });
});

describe('English names', () => {
  it('come from pinyin with the designation translated', () => {
    expect(englishName('371082', '荣成市')).toBe('Rongcheng');
    expect(englishName('530102', '五华区')).toBe('Wuhua District');
    expect(englishName('360729', '全南县')).toBe('Quannan County');
    expect(englishName('360729200', '中寨乡')).toBe('Zhongzhai Township');
    expect(englishName('451103101', '黄田镇')).toBe('Huangtian Town');
    expect(englishName('110101014', '龙潭街道')).toBe('Longtan Subdistrict');
    expect(englishName('610100', '西安市')).toBe("Xi'an");
  });

  it('use the conventional names of provinces', () => {
    expect(englishName('610000', '陕西省')).toBe('Shaanxi');
    expect(englishName('140000', '山西省')).toBe('Shanxi');
    expect(englishName('150000', '内蒙古自治区')).toBe('Inner Mongolia');
  });
});
