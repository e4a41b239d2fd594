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

  it('read as words: designations translated wherever they stand, the divisions above as words of their own', () => {
    const index = new RegionIndex([
      { code: '100000', name: '全国' },
      { code: '340000', name: '安徽省', parent: '100000' },
      { code: '340200', name: '芜湖市', parent: '340000' },
      { code: '340271', name: '安徽芜湖三山经济开发区', parent: '340200' },
      { code: '340272', name: '芜湖高新技术产业开发区', parent: '340200' },
      { code: '360000', name: '江西省', parent: '100000' },
      { code: '360400', name: '九江市', parent: '360000' },
      { code: '360472', name: '九江经济开发区二八园区', parent: '360400' },
      { code: '321000', name: '扬州市', parent: '100000' },
      { code: '321023', name: '宝应县', parent: '321000' },
      { code: '321023400', name: '宝应县经济开发区', parent: '321023' },
      { code: '371502', name: '东昌府区', parent: '100000' },
      { code: '371502003', name: '新区街道', parent: '371502' },
    ]);
    expect(index.get('340271')!.nameEn).toBe('Anhui Wuhu Sanshan Economic Development Zone');
    expect(index.get('340272')!.nameEn).toBe('Wuhu High-tech Industrial Development Zone');
    expect(index.get('360472')!.nameEn).toBe('Jiujiang Economic Development Zone Erba Park');
    expect(index.get('321023400')!.nameEn).toBe('Baoying County Economic Development Zone');
    // short designations are part of the name inside it: the Xinqu Subdistrict, not a "New Area Subdistrict"
    expect(index.get('371502003')!.nameEn).toBe('Xinqu Subdistrict');
    expect(englishName('360203400', '高新技术开发区')).toBe('High-tech Development Zone');
    expect(englishName('231124407', '辰清林场')).toBe('Chenqing Forest Farm');
    expect(englishName('350604400', '双第华侨农场')).toBe('Shuangdi Overseas Chinese Farm');
  });

  it('given in data/regions.csv win over the made ones', () => {
    const index = new RegionIndex([
      { code: '100000', name: '全国' },
      { code: '340000', name: '安徽省', parent: '100000' },
      { code: '340271', name: '安徽芜湖三山经济开发区', nameEn: 'Sanshan EDZ', parent: '340000' },
    ]);
    expect(index.get('340271')!.nameEn).toBe('Sanshan EDZ');
  });

  it('use the conventional names of provinces', () => {
    expect(englishName('610000', '陕西省')).toBe('Shaanxi');
    expect(englishName('140000', '山西省')).toBe('Shanxi');
    expect(englishName('150000', '内蒙古自治区')).toBe('Inner Mongolia');
  });
});
