/**
 * What government channels look like: the bodies that run them at each level, how their
 * accounts are named, which platforms they use and how often. Names follow the real
 * conventions (荣成市公安局 runs "荣成公安" and "平安荣成"); the mix of bodies and platforms is
 * a plausible approximation of the national picture, not a measurement of it.
 */
import type { Level, Platform } from '../domain/vocabulary.ts';

/** Levels below the centre, where agency names are built from the region's name. */
export type LocalTier = Exclude<Level, 'central' | 'community'>;

export interface Department {
  /** Id fragment: rongcheng-police-weibo. */
  readonly key: string;
  readonly weight: number;
  /**
   * Agency name per level: {n} is the region's full name (荣成市). Absent: no such body at
   * that level. Municipalities (北京市) use the prefectural form at provincial level.
   */
  readonly zh: Partial<Record<LocalTier, string>>;
  /** English agency name per level: {n} the region's English name, {p} Provincial/Regional. */
  readonly en: Partial<Record<LocalTier, string>>;
  /** Account names, most usual first: {s} is the region's short name (荣成). */
  readonly styles: readonly string[];
  /** English account name suffix: "Rongcheng Police". */
  readonly enShort: string;
  /** The region's main voice (government, media centre): where merged accounts usually go. */
  readonly flagship?: boolean;
  /** Platforms only some bodies run (apps, mini-programs, websites as channels). */
  readonly extras?: readonly Platform[];
}

const local = (zhTail: string, enTail: string) => ({
  zh: { prefectural: `{n}${zhTail}`, county: `{n}${zhTail}` },
  en: { prefectural: `{n} ${enTail}`, county: `{n} ${enTail}` },
});
const everyTier = (provincialZh: string, provincialEn: string, zhTail: string, enTail: string) => {
  const l = local(zhTail, enTail);
  return { zh: { provincial: `{n}${provincialZh}`, ...l.zh }, en: { provincial: `{n} {p} ${provincialEn}`, ...l.en } };
};

export const LOCAL_DEPARTMENTS: readonly Department[] = [
  {
    key: 'gov', weight: 10, flagship: true, enShort: 'Government Release', extras: ['app', 'mini-program', 'website'],
    zh: { provincial: '{n}人民政府', prefectural: '{n}人民政府', county: '{n}人民政府', township: '{n}人民政府' },
    en: { provincial: "{n} {p} People's Government", prefectural: "{n} People's Government", county: "{n} People's Government", township: "{n} People's Government" },
    styles: ['{s}发布', '微{s}', '{s}政府网', '{s}政务'],
  },
  {
    key: 'media', weight: 8, flagship: true, enShort: 'Media Center', extras: ['app'],
    zh: { provincial: '{n}广播电视台', prefectural: '{n}融媒体中心', county: '{n}融媒体中心' },
    en: { provincial: '{n} Radio and Television Station', prefectural: '{n} Media Center', county: '{n} Media Center' },
    styles: ['爱{s}', '{s}融媒', '{s}新闻', '掌上{s}', '{s}头条'],
  },
  { key: 'police', weight: 9, enShort: 'Police', ...everyTier('公安厅', 'Public Security Department', '公安局', 'Public Security Bureau'), styles: ['{s}公安', '平安{s}', '{s}警方', '{s}公安在线'] },
  {
    key: 'traffic-police', weight: 5, enShort: 'Traffic Police',
    zh: { provincial: '{n}公安厅交通警察总队', prefectural: '{n}公安局交通警察支队', county: '{n}公安局交通警察大队' },
    en: { provincial: '{n} {p} Traffic Police Corps', prefectural: '{n} Traffic Police Detachment', county: '{n} Traffic Police Brigade' },
    styles: ['{s}交警', '{s}交警在线', '{s}交通安全'],
  },
  { key: 'market', weight: 5, enShort: 'Market Regulation', ...everyTier('市场监督管理局', 'Administration for Market Regulation', '市场监督管理局', 'Administration for Market Regulation'), styles: ['{s}市场监管', '{s}市场监管发布'] },
  { key: 'veterans', weight: 4, enShort: 'Veterans', ...everyTier('退役军人事务厅', 'Department of Veterans Affairs', '退役军人事务局', 'Veterans Affairs Bureau'), styles: ['{s}退役军人', '{s}退役军人服务'] },
  {
    key: 'health', weight: 5, enShort: 'Health',
    zh: { provincial: '{n}卫生健康委员会', prefectural: '{n}卫生健康委员会', county: '{n}卫生健康局' },
    en: { provincial: '{n} {p} Health Commission', prefectural: '{n} Health Commission', county: '{n} Health Bureau' },
    styles: ['健康{s}', '{s}卫健', '{s}卫生健康'],
  },
  { key: 'education', weight: 5, enShort: 'Education', ...everyTier('教育厅', 'Department of Education', '教育局', 'Education Bureau'), styles: ['{s}教育', '{s}教育发布'] },
  { key: 'ecology', weight: 3, enShort: 'Environment', ...everyTier('生态环境厅', 'Department of Ecology and Environment', '生态环境局', 'Ecology and Environment Bureau'), styles: ['{s}生态环境', '美丽{s}', '{s}环保'] },
  { key: 'emergency', weight: 3, enShort: 'Emergency Management', ...everyTier('应急管理厅', 'Department of Emergency Management', '应急管理局', 'Emergency Management Bureau'), styles: ['{s}应急', '{s}应急管理'] },
  { key: 'transport', weight: 3, enShort: 'Transport', ...everyTier('交通运输厅', 'Department of Transport', '交通运输局', 'Transport Bureau'), styles: ['{s}交通', '{s}交通运输'] },
  { key: 'culture-tourism', weight: 5, enShort: 'Culture and Tourism', ...everyTier('文化和旅游厅', 'Department of Culture and Tourism', '文化和旅游局', 'Culture and Tourism Bureau'), styles: ['{s}文旅', '游{s}', '{s}文化旅游', '印象{s}'] },
  { key: 'hrss', weight: 4, enShort: 'Human Resources', extras: ['mini-program'], ...everyTier('人力资源和社会保障厅', 'Department of Human Resources and Social Security', '人力资源和社会保障局', 'Human Resources and Social Security Bureau'), styles: ['{s}人社', '{s}人社发布', '{s}就业'] },
  {
    key: 'tax', weight: 3, enShort: 'Taxation', extras: ['mini-program'],
    zh: { provincial: '国家税务总局{n}税务局', prefectural: '国家税务总局{n}税务局', county: '国家税务总局{n}税务局' },
    en: { provincial: '{n} {p} Tax Service, State Taxation Administration', prefectural: '{n} Tax Service, State Taxation Administration', county: '{n} Tax Service, State Taxation Administration' },
    styles: ['{s}税务', '{s}税务发布'],
  },
  {
    key: 'youth-league', weight: 4, enShort: 'Youth League',
    zh: { provincial: '共青团{n}委员会', prefectural: '共青团{n}委员会', county: '共青团{n}委员会' },
    en: { provincial: '{n} {p} Committee of the Communist Youth League', prefectural: '{n} Committee of the Communist Youth League', county: '{n} Committee of the Communist Youth League' },
    styles: ['{s}共青团', '青春{s}', '{s}青年'],
  },
  {
    key: 'fire', weight: 3, enShort: 'Fire and Rescue',
    zh: { provincial: '{n}消防救援总队', prefectural: '{n}消防救援支队', county: '{n}消防救援大队' },
    en: { provincial: '{n} {p} Fire and Rescue Corps', prefectural: '{n} Fire and Rescue Detachment', county: '{n} Fire and Rescue Brigade' },
    styles: ['{s}消防', '{s}消防救援'],
  },
  { key: 'weather', weight: 2, enShort: 'Weather', ...everyTier('气象局', 'Meteorological Bureau', '气象局', 'Meteorological Bureau'), styles: ['{s}气象', '{s}天气'] },
  {
    key: 'court', weight: 4, enShort: 'Court',
    zh: { provincial: '{n}高级人民法院', prefectural: '{n}中级人民法院', county: '{n}人民法院' },
    en: { provincial: "{n} {p} High People's Court", prefectural: "{n} Intermediate People's Court", county: "{n} People's Court" },
    styles: ['{s}法院', '{s}法院发布', '{s}司法公开'],
  },
  {
    key: 'procuratorate', weight: 4, enShort: 'Procuratorate',
    zh: { provincial: '{n}人民检察院', prefectural: '{n}人民检察院', county: '{n}人民检察院' },
    en: { provincial: "{n} {p} People's Procuratorate", prefectural: "{n} People's Procuratorate", county: "{n} People's Procuratorate" },
    styles: ['{s}检察', '{s}检察发布'],
  },
  {
    key: 'cyberspace', weight: 3, enShort: 'Cyberspace Affairs',
    zh: { provincial: '中共{n}委网络安全和信息化委员会办公室', prefectural: '中共{n}委网络安全和信息化委员会办公室', county: '中共{n}委网络安全和信息化委员会办公室' },
    en: { provincial: '{n} {p} Cyberspace Affairs Office', prefectural: '{n} Cyberspace Affairs Office', county: '{n} Cyberspace Affairs Office' },
    styles: ['网信{s}', '{s}网信'],
  },
  {
    key: 'publicity', weight: 2, enShort: 'Publicity',
    zh: { provincial: '中共{n}委宣传部', prefectural: '中共{n}委宣传部', county: '中共{n}委宣传部' },
    en: { provincial: '{n} {p} Publicity Department', prefectural: '{n} Publicity Department', county: '{n} Publicity Department' },
    styles: ['{s}宣传', '{s}文明'],
  },
  {
    key: 'organisation', weight: 2, enShort: 'Organisation',
    zh: { provincial: '中共{n}委组织部', prefectural: '中共{n}委组织部', county: '中共{n}委组织部' },
    en: { provincial: '{n} {p} Organisation Department', prefectural: '{n} Organisation Department', county: '{n} Organisation Department' },
    styles: ['{s}组工', '{s}党建'],
  },
  {
    key: 'discipline', weight: 4, enShort: 'Discipline Inspection',
    zh: { provincial: '{n}纪委监委', prefectural: '{n}纪委监委', county: '{n}纪委监委' },
    en: { provincial: '{n} {p} Commission for Discipline Inspection and Supervision', prefectural: '{n} Commission for Discipline Inspection and Supervision', county: '{n} Commission for Discipline Inspection and Supervision' },
    styles: ['清风{s}', '廉洁{s}', '{s}纪检监察'],
  },
  {
    key: 'womens-federation', weight: 2, enShort: "Women's Federation",
    zh: { provincial: '{n}妇女联合会', prefectural: '{n}妇女联合会', county: '{n}妇女联合会' },
    en: { provincial: "{n} {p} Women's Federation", prefectural: "{n} Women's Federation", county: "{n} Women's Federation" },
    styles: ['{s}女性', '{s}妇联'],
  },
  { key: 'medical-insurance', weight: 3, enShort: 'Medical Insurance', extras: ['mini-program'], ...everyTier('医疗保障局', 'Healthcare Security Administration', '医疗保障局', 'Healthcare Security Bureau'), styles: ['{s}医保', '{s}医疗保障'] },
  { key: 'justice', weight: 3, enShort: 'Justice', ...everyTier('司法厅', 'Department of Justice', '司法局', 'Justice Bureau'), styles: ['法治{s}', '{s}司法', '{s}普法'] },
  { key: 'civil-affairs', weight: 2, enShort: 'Civil Affairs', ...everyTier('民政厅', 'Department of Civil Affairs', '民政局', 'Civil Affairs Bureau'), styles: ['{s}民政'] },
  { key: 'agriculture', weight: 2, enShort: 'Agriculture', ...everyTier('农业农村厅', 'Department of Agriculture and Rural Affairs', '农业农村局', 'Agriculture and Rural Affairs Bureau'), styles: ['{s}农业农村', '{s}三农'] },
  { key: 'natural-resources', weight: 2, enShort: 'Natural Resources', ...everyTier('自然资源厅', 'Department of Natural Resources', '自然资源局', 'Natural Resources Bureau'), styles: ['{s}自然资源'] },
  { key: 'housing', weight: 2, enShort: 'Housing', ...everyTier('住房和城乡建设厅', 'Department of Housing and Urban-Rural Development', '住房和城乡建设局', 'Housing and Urban-Rural Development Bureau'), styles: ['{s}住建'] },
  { key: 'urban-management', weight: 2, enShort: 'Urban Management', ...local('城市管理局', 'Urban Management Bureau'), styles: ['{s}城管', '{s}城市管理'] },
  { key: 'water', weight: 1, enShort: 'Water Resources', ...everyTier('水利厅', 'Department of Water Resources', '水利局', 'Water Resources Bureau'), styles: ['{s}水利'] },
  { key: 'statistics', weight: 1, enShort: 'Statistics', ...everyTier('统计局', 'Bureau of Statistics', '统计局', 'Statistics Bureau'), styles: ['{s}统计'] },
  {
    key: 'disabled-federation', weight: 1, enShort: "Disabled Persons' Federation",
    zh: { provincial: '{n}残疾人联合会', prefectural: '{n}残疾人联合会', county: '{n}残疾人联合会' },
    en: { provincial: "{n} {p} Disabled Persons' Federation", prefectural: "{n} Disabled Persons' Federation", county: "{n} Disabled Persons' Federation" },
    styles: ['{s}残联'],
  },
  {
    key: 'gov-services', weight: 3, enShort: 'Government Services', extras: ['app', 'mini-program'],
    zh: { provincial: '{n}政务服务管理局', prefectural: '{n}政务服务中心', county: '{n}政务服务中心' },
    en: { provincial: '{n} {p} Government Services Administration', prefectural: '{n} Government Services Center', county: '{n} Government Services Center' },
    styles: ['{s}政务服务', '{s}办事', '{s}通'],
  },
  { key: 'commerce', weight: 1, enShort: 'Commerce', ...everyTier('商务厅', 'Department of Commerce', '商务局', 'Commerce Bureau'), styles: ['{s}商务'] },
  { key: 'audit', weight: 1, enShort: 'Audit', ...everyTier('审计厅', 'Audit Office', '审计局', 'Audit Bureau'), styles: ['{s}审计'] },
  { key: 'finance', weight: 1, enShort: 'Finance', ...everyTier('财政厅', 'Department of Finance', '财政局', 'Finance Bureau'), styles: ['{s}财政'] },
  { key: 'investment', weight: 1, enShort: 'Investment Promotion', ...local('投资促进局', 'Investment Promotion Bureau'), styles: ['{s}招商', '投资{s}'] },
];

/** Bodies of a township or subdistrict; {n} is its name, {c} the county's. */
export const TOWNSHIP_DEPARTMENTS: readonly Department[] = [
  {
    key: 'gov', weight: 10, flagship: true, enShort: 'Release', extras: ['mini-program'],
    // the name is fixed up per kind of township: 人民政府 / 街道办事处 / 管理委员会
    zh: { township: '{n}人民政府' }, en: { township: "{n} People's Government" },
    styles: ['{s}发布', '魅力{s}', '{s}之声', '微{s}'],
  },
  { key: 'party', weight: 4, enShort: 'Party Building', zh: { township: '中共{n}委员会' }, en: { township: '{n} Committee of the CPC' }, styles: ['{s}党建', '红色{s}', '{s}党群'] },
  { key: 'police-station', weight: 4, enShort: 'Police Station', zh: { township: '{c}公安局{s}派出所' }, en: { township: '{n} Police Station' }, styles: ['{s}派出所', '平安{s}', '{s}警务'] },
  { key: 'service-center', weight: 3, enShort: 'Public Services', zh: { township: '{n}便民服务中心' }, en: { township: '{n} Public Service Center' }, styles: ['{s}便民服务', '{s}服务'] },
  { key: 'culture-station', weight: 2, enShort: 'Culture Station', zh: { township: '{n}综合文化站' }, en: { township: '{n} Cultural Station' }, styles: ['{s}文化站', '文化{s}'] },
  { key: 'health-center', weight: 2, enShort: 'Health Center', zh: { township: '{n}卫生院' }, en: { township: '{n} Health Center' }, styles: ['{s}卫生院', '健康{s}'] },
  { key: 'justice-office', weight: 1, enShort: 'Justice Office', zh: { township: '{c}司法局{s}司法所' }, en: { township: '{n} Justice Office' }, styles: ['{s}司法所', '法治{s}'] },
  { key: 'youth-league', weight: 2, enShort: 'Youth League', zh: { township: '共青团{n}委员会' }, en: { township: '{n} Committee of the Communist Youth League' }, styles: ['青春{s}', '{s}团委'] },
  { key: 'veterans-station', weight: 2, enShort: 'Veterans Service Station', zh: { township: '{n}退役军人服务站' }, en: { township: '{n} Veterans Service Station' }, styles: ['{s}退役军人服务站'] },
  { key: 'school', weight: 1, enShort: 'Central School', zh: { township: '{n}中心学校' }, en: { township: '{n} Central School' }, styles: ['{s}中心学校', '{s}教育'] },
];

export interface CentralBody {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  /** Account names the body uses, first the main one. */
  readonly names: readonly string[];
  /** Host under .example for its website. */
  readonly host: string;
  readonly weight: number;
  readonly flagship?: boolean;
}

export const CENTRAL_BODIES: readonly CentralBody[] = [
  { key: 'state-council', zh: '国务院办公厅', en: 'General Office of the State Council', names: ['中国政府网', '国务院客户端', '国务院'], host: 'www.gov.cn.example', weight: 6, flagship: true },
  { key: 'scio', zh: '国务院新闻办公室', en: 'State Council Information Office', names: ['国新发布', '国新网'], host: 'www.scio.gov.cn.example', weight: 4, flagship: true },
  { key: 'mps', zh: '公安部', en: 'Ministry of Public Security', names: ['中国警方在线', '公安部发布', '平安中国'], host: 'www.mps.gov.cn.example', weight: 4 },
  { key: 'mps-traffic', zh: '公安部交通管理局', en: 'Traffic Management Bureau, Ministry of Public Security', names: ['交管12123', '中国交通安全'], host: 'www.122.gov.cn.example', weight: 3 },
  { key: 'mfa', zh: '外交部', en: 'Ministry of Foreign Affairs', names: ['外交部发言人办公室', '领事直通车'], host: 'www.mfa.gov.cn.example', weight: 3 },
  { key: 'moe', zh: '教育部', en: 'Ministry of Education', names: ['微言教育', '教育部发布'], host: 'www.moe.gov.cn.example', weight: 3 },
  { key: 'mee', zh: '生态环境部', en: 'Ministry of Ecology and Environment', names: ['生态环境部', '美丽中国'], host: 'www.mee.gov.cn.example', weight: 2 },
  { key: 'mot', zh: '交通运输部', en: 'Ministry of Transport', names: ['中国交通', '交通运输部'], host: 'www.mot.gov.cn.example', weight: 2 },
  { key: 'mem', zh: '应急管理部', en: 'Ministry of Emergency Management', names: ['中国应急管理', '应急管理部'], host: 'www.mem.gov.cn.example', weight: 2 },
  { key: 'mva', zh: '退役军人事务部', en: 'Ministry of Veterans Affairs', names: ['退役军人事务部', '中国退役军人'], host: 'www.mva.gov.cn.example', weight: 2 },
  { key: 'mohrss', zh: '人力资源和社会保障部', en: 'Ministry of Human Resources and Social Security', names: ['中国人社', '人社部发布'], host: 'www.mohrss.gov.cn.example', weight: 2 },
  { key: 'mofcom', zh: '商务部', en: 'Ministry of Commerce', names: ['商务微新闻', '商务部'], host: 'www.mofcom.gov.cn.example', weight: 2 },
  { key: 'nhc', zh: '国家卫生健康委员会', en: 'National Health Commission', names: ['健康中国', '国家卫健委'], host: 'www.nhc.gov.cn.example', weight: 3 },
  { key: 'samr', zh: '国家市场监督管理总局', en: 'State Administration for Market Regulation', names: ['市场监管总局', '中国市场监管'], host: 'www.samr.gov.cn.example', weight: 2 },
  { key: 'chinatax', zh: '国家税务总局', en: 'State Taxation Administration', names: ['中国税务', '个人所得税'], host: 'www.chinatax.gov.cn.example', weight: 2 },
  { key: 'supreme-court', zh: '最高人民法院', en: "Supreme People's Court", names: ['最高人民法院', '最高法'], host: 'www.court.gov.cn.example', weight: 2 },
  { key: 'spp', zh: '最高人民检察院', en: "Supreme People's Procuratorate", names: ['最高人民检察院', '最高检'], host: 'www.spp.gov.cn.example', weight: 2 },
  { key: 'ccdi', zh: '中央纪委国家监委', en: 'Central Commission for Discipline Inspection and National Supervisory Commission', names: ['中央纪委国家监委网站', '清风中国'], host: 'www.ccdi.gov.cn.example', weight: 2 },
  { key: 'cac', zh: '国家互联网信息办公室', en: 'Cyberspace Administration of China', names: ['网信中国', '中国网信'], host: 'www.cac.gov.cn.example', weight: 2 },
  { key: 'youth-league', zh: '共青团中央', en: 'Central Committee of the Communist Youth League', names: ['共青团中央', '青年之声'], host: 'www.gqt.org.cn.example', weight: 2 },
  { key: 'cma', zh: '中国气象局', en: 'China Meteorological Administration', names: ['中国气象局', '中国天气'], host: 'www.cma.gov.cn.example', weight: 1 },
  { key: 'nhsa', zh: '国家医疗保障局', en: 'National Healthcare Security Administration', names: ['国家医保局', '国家医保服务平台'], host: 'www.nhsa.gov.cn.example', weight: 2 },
  { key: 'moj', zh: '司法部', en: 'Ministry of Justice', names: ['中国普法', '司法部'], host: 'www.moj.gov.cn.example', weight: 1 },
  { key: 'mca', zh: '民政部', en: 'Ministry of Civil Affairs', names: ['民政部', '中国民政'], host: 'www.mca.gov.cn.example', weight: 1 },
  { key: 'moa', zh: '农业农村部', en: 'Ministry of Agriculture and Rural Affairs', names: ['农业农村部', '中国农业'], host: 'www.moa.gov.cn.example', weight: 1 },
  { key: 'mnr', zh: '自然资源部', en: 'Ministry of Natural Resources', names: ['自然资源部', '中国自然资源'], host: 'www.mnr.gov.cn.example', weight: 1 },
  { key: 'mohurd', zh: '住房和城乡建设部', en: 'Ministry of Housing and Urban-Rural Development', names: ['住建部', '中国建设'], host: 'www.mohurd.gov.cn.example', weight: 1 },
  { key: 'mwr', zh: '水利部', en: 'Ministry of Water Resources', names: ['水利部', '中国水利'], host: 'www.mwr.gov.cn.example', weight: 1 },
  { key: 'mct', zh: '文化和旅游部', en: 'Ministry of Culture and Tourism', names: ['文旅中国', '中国旅游'], host: 'www.mct.gov.cn.example', weight: 2 },
  { key: 'nbs', zh: '国家统计局', en: 'National Bureau of Statistics', names: ['国家统计局', '统计微讯'], host: 'www.stats.gov.cn.example', weight: 1 },
  { key: 'audit-office', zh: '审计署', en: 'National Audit Office', names: ['审计署', '中国审计'], host: 'www.audit.gov.cn.example', weight: 1 },
  { key: 'womens-federation', zh: '中华全国妇女联合会', en: "All-China Women's Federation", names: ['中国妇女', '女性之声'], host: 'www.women.org.cn.example', weight: 1 },
  { key: 'fire-rescue', zh: '国家消防救援局', en: 'National Fire and Rescue Administration', names: ['中国消防', '119消防'], host: 'www.119.gov.cn.example', weight: 2 },
  { key: 'disabled-federation', zh: '中国残疾人联合会', en: "China Disabled Persons' Federation", names: ['中国残联', '残联之声'], host: 'www.cdpf.org.cn.example', weight: 1 },
  { key: 'nia', zh: '国家移民管理局', en: 'National Immigration Administration', names: ['国家移民管理局', '移民局12367'], host: 'www.nia.gov.cn.example', weight: 1 },
  { key: 'customs', zh: '海关总署', en: 'General Administration of Customs', names: ['海关发布', '中国海关'], host: 'www.customs.gov.cn.example', weight: 1 },
];

/** How often each platform appears among government channels (a plausible national mix). */
export const PLATFORM_WEIGHTS: readonly (readonly [Platform, number])[] = [
  ['wechat', 36],
  ['weibo', 26],
  ['douyin', 14],
  ['wechat-channels', 5],
  ['toutiao', 5],
  ['kuaishou', 3],
  ['mini-program', 3],
  ['app', 2.5],
  ['website', 1.5],
  ['bilibili', 1],
  ['xiaohongshu', 1],
  ['qq', 1],
  ['other', 1],
];

/** Platforms a body may have only when its department lists them. */
export const RESTRICTED_PLATFORMS: ReadonlySet<Platform> = new Set(['app', 'mini-program', 'website']);

/** Years in which a platform's government accounts were typically opened. */
export const OPENING_YEARS: Record<Platform, readonly [number, number]> = {
  weibo: [2010, 2016],
  wechat: [2013, 2020],
  'wechat-channels': [2020, 2024],
  douyin: [2018, 2023],
  kuaishou: [2018, 2023],
  toutiao: [2015, 2020],
  bilibili: [2017, 2023],
  xiaohongshu: [2020, 2025],
  qq: [2010, 2015],
  app: [2014, 2021],
  'mini-program': [2017, 2023],
  website: [2003, 2012],
  other: [2016, 2022],
};

/** How much likelier a platform's accounts were to be closed (duplicate and idle ones went first). */
export const CLOSURE_FACTOR: Record<Platform, number> = {
  weibo: 1.15, wechat: 0.85, 'wechat-channels': 0.7, douyin: 0.8, kuaishou: 1.3, toutiao: 1.6, bilibili: 1.3,
  xiaohongshu: 1, qq: 2.5, app: 2.2, 'mini-program': 1.6, website: 1.2, other: 1.8,
};

/** Chinese platform names for notice text. */
export const PLATFORM_ZH: Record<Platform, string> = {
  weibo: '微博', wechat: '微信公众号', 'wechat-channels': '微信视频号', douyin: '抖音号', kuaishou: '快手号',
  toutiao: '今日头条号', bilibili: '哔哩哔哩账号', xiaohongshu: '小红书账号', qq: 'QQ空间', app: '客户端',
  'mini-program': '小程序', website: '网站', other: '新媒体账号',
};

/** Village and community names: [Chinese, pinyin] parts, combined per township. */
export const VILLAGE_WORDS: readonly (readonly [string, string])[] = [
  ['幸福', 'Xingfu'], ['和平', 'Heping'], ['红旗', 'Hongqi'], ['胜利', 'Shengli'], ['光明', 'Guangming'], ['建设', 'Jianshe'],
  ['团结', 'Tuanjie'], ['前进', 'Qianjin'], ['新华', 'Xinhua'], ['民主', 'Minzhu'], ['友谊', 'Youyi'], ['东风', 'Dongfeng'],
  ['向阳', 'Xiangyang'], ['长青', 'Changqing'], ['兴隆', 'Xinglong'], ['永安', "Yong'an"], ['太平', 'Taiping'], ['富强', 'Fuqiang'],
  ['振兴', 'Zhenxing'], ['和谐', 'Hexie'], ['丰收', 'Fengshou'], ['金星', 'Jinxing'], ['红星', 'Hongxing'], ['新民', 'Xinmin'],
  ['安乐', "Anle"], ['宏伟', 'Hongwei'], ['新兴', 'Xinxing'], ['明星', 'Mingxing'], ['花园', 'Huayuan'], ['桃园', 'Taoyuan'],
  ['杨柳', 'Yangliu'], ['柳林', 'Liulin'], ['石桥', 'Shiqiao'], ['河口', 'Hekou'], ['山前', 'Shanqian'], ['松树', 'Songshu'],
  ['梨园', 'Liyuan'], ['枫林', 'Fenglin'], ['龙泉', 'Longquan'], ['凤凰', 'Fenghuang'], ['白沙', 'Baisha'], ['青山', 'Qingshan'],
  ['清河', 'Qinghe'], ['南湖', 'Nanhu'], ['北关', 'Beiguan'], ['西街', 'Xijie'], ['东关', 'Dongguan'], ['中心', 'Zhongxin'],
];
export const VILLAGE_PREFIXES: readonly (readonly [string, string])[] = [
  ['', ''], ['东', 'Dong'], ['西', 'Xi'], ['南', 'Nan'], ['北', 'Bei'], ['新', 'Xin'], ['上', 'Shang'], ['下', 'Xia'],
];
export const SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang'], ['刘', 'Liu'], ['陈', 'Chen'], ['杨', 'Yang'], ['赵', 'Zhao'], ['黄', 'Huang'],
  ['周', 'Zhou'], ['吴', 'Wu'], ['徐', 'Xu'], ['孙', 'Sun'], ['马', 'Ma'], ['朱', 'Zhu'], ['胡', 'Hu'], ['郭', 'Guo'],
  ['何', 'He'], ['高', 'Gao'], ['林', 'Lin'], ['罗', 'Luo'],
];
export const SETTLEMENT_SUFFIXES: readonly (readonly [string, string])[] = [
  ['家', 'jia'], ['庄', 'zhuang'], ['屯', 'tun'], ['营', 'ying'], ['寨', 'zhai'], ['店', 'dian'], ['湾', 'wan'], ['坪', 'ping'],
];
