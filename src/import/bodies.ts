/**
 * What the importer knows about the names of government bodies, from the one catalogue of
 * them the project keeps (src/synth/catalogue.ts: 荣成市公安局 is "{n}公安局", key police):
 *
 * - the key that stands for a kind of body in ids (rongcheng-police-weibo), found from the
 *   words around the place in the body's name;
 * - the words body names are made of (公安局, 人民政府, 宣传部 …), so that a division whose
 *   name without its suffix is one of them (公安县 → 公安, 人民街道 → 人民) is not "found" in
 *   荣成市公安局 or 荣成市人民政府.
 */
import { CENTRAL_BODIES, LOCAL_DEPARTMENTS, TOWNSHIP_DEPARTMENTS } from '../synth/catalogue.ts';

const PLACEHOLDER = /\{[ncsp]\}/;

interface Template {
  readonly before: string;
  readonly key: string;
}

/** The text after a body name's place → the departments whose names end with it. */
const BY_ENDING = new Map<string, Template[]>();
const WORDS = new Set<string>();

for (const dept of [...LOCAL_DEPARTMENTS, ...TOWNSHIP_DEPARTMENTS]) {
  for (const template of Object.values(dept.zh)) {
    if (!template) continue;
    const pieces = template.split(PLACEHOLDER);
    for (const p of pieces) if (p.length >= 2) WORDS.add(p);
    const ending = pieces[pieces.length - 1]!;
    const before = pieces[0]!;
    let list = BY_ENDING.get(ending);
    if (!list) BY_ENDING.set(ending, (list = []));
    if (!list.some((t) => t.key === dept.key && t.before === before)) list.push({ before, key: dept.key });
  }
}
for (const body of CENTRAL_BODIES) WORDS.add(body.zh);
// words of body names the catalogue does not spell out on their own
for (const w of ['人民政府', '人民代表大会', '政治协商会议', '办公室', '管理局', '服务中心', '事务中心', '发展中心', '融媒体中心', '新闻中心', '开发区', '高新区', '经济技术', '工业园', '管理委员会', '管委会', '派出所', '司法所', '财政所', '卫生院', '中心学校', '文化站', '街道办事处', '分局', '支队', '大队', '中队']) WORDS.add(w);

/** What follows a place's name in its own government's (a zone's is its management committee): no word in ids (quannan-zhongzhai-weibo). */
const OWN_GOVERNMENT = new Set(['人民政府', '政府', '街道办事处', '办事处', '街道', '管理委员会', '管委会']);

export function isOwnGovernment(after: string): boolean {
  return after === '' || OWN_GOVERNMENT.has(after);
}

/**
 * The catalogue's key for a body whose name is `before` + place + `after`
 * (中共 + 威海市 + 委宣传部 → publicity), or undefined when the catalogue has no such body.
 */
export function departmentKey(before: string, after: string): string | undefined {
  const templates = BY_ENDING.get(after);
  if (!templates) return undefined;
  const exact = templates.filter((t) => t.before === before);
  const keys = new Set((exact.length > 0 ? exact : templates).map((t) => t.key));
  return keys.size === 1 ? [...keys][0] : undefined;
}

/** True when `text` is part of a word body names are made of (so not a place's short name). */
export function isBodyWord(text: string): boolean {
  for (const w of WORDS) if (w.includes(text)) return true;
  return false;
}
