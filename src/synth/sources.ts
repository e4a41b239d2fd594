/**
 * The synthetic bibliography. Rows cite sources by id; a source enters data/sources.csv only
 * once something cites it, so the validator never sees an unused one. Every address is under
 * the reserved .example top-level domain: nothing here points at a real site.
 */
export interface SourceRow {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  readonly date: string;
  readonly url: string;
  readonly archive: string;
}

export const SOURCE_COLUMNS = ['id', 'title', 'publisher', 'date', 'url', 'archive'] as const;

/** Who publishes a province's (or the centre's) lists, and where. */
export interface Issuer {
  /** Id fragment: shandong, central. */
  readonly stem: string;
  /** 山东省人民政府办公厅 */
  readonly office: string;
  /** 山东省 (empty for the centre, whose titles say 全国) */
  readonly area: string;
  /** www.shandong.gov.cn.example */
  readonly host: string;
}

export class SourceBook {
  private readonly defined = new Map<string, SourceRow>();
  private readonly cited = new Set<string>();

  /** The id of the province's directory of government new media (2023 or a later edition). */
  census(issuer: Issuer, edition: 2023 | 2025): string {
    return this.cite(`census-${issuer.stem}-${edition}`, (id) => ({
      id,
      title: `${issuer.area || '全国'}政务新媒体账号名录（${edition}年版）`,
      publisher: issuer.office,
      date: edition === 2023 ? '2023-12' : '2025-06',
      url: `https://${issuer.host}/zwgk/zwxmt/ml${edition}/`,
      archive: '',
    }));
  }

  /** The id of the year's public list of closed and merged accounts. */
  closures(issuer: Issuer, year: number): string {
    return this.cite(`closures-${issuer.stem}-${year}`, (id) => ({
      id,
      title: `${issuer.area || '全国'}政务新媒体关停整合情况公示（${year}年）`,
      publisher: issuer.office,
      date: String(year),
      url: `https://${issuer.host}/zwgk/zwxmt/gtzh${year}/`,
      archive: year <= 2024 ? `https://archive.example/${year}/https://${issuer.host}/zwgk/zwxmt/gtzh${year}/` : '',
    }));
  }

  /** The id of a quarterly inspection report (the checks that keep rows current). */
  inspection(issuer: Issuer, year: number, quarter: number): string {
    return this.cite(`inspection-${issuer.stem}-${year}-q${quarter}`, (id) => ({
      id,
      title: `关于${year}年第${'一二三四'[quarter - 1]}季度${issuer.area}政府网站和政务新媒体检查情况的通报`,
      publisher: issuer.office,
      date: `${year}-${String(quarter * 3).padStart(2, '0')}`,
      url: `https://${issuer.host}/zwgk/jcqk/${year}q${quarter}/`,
      archive: '',
    }));
  }

  /** A fixed source (the policy documents behind the timeline's events). */
  fixed(row: SourceRow): string {
    return this.cite(row.id, () => row);
  }

  /**
   * Records the ids in a source cell as cited. Only rows that end up in the files call this
   * (a row cut to fit the size must not leave its source behind, unused).
   */
  use(cell: string): void {
    for (const ref of cell.split(';')) if (this.defined.has(ref)) this.cited.add(ref);
  }

  /** Cited sources, sorted by id. */
  rows(): SourceRow[] {
    return [...this.cited].sort().map((id) => this.defined.get(id)!);
  }

  private cite(id: string, make: (id: string) => SourceRow): string {
    if (!this.defined.has(id)) this.defined.set(id, make(id));
    return id;
  }
}

export interface EventRow {
  readonly date: string;
  readonly title: string;
  readonly title_en: string;
  readonly source: string;
}

export const EVENT_COLUMNS = ['date', 'title', 'title_en', 'source'] as const;

/**
 * The real policy milestones of the story (as in the registry's own data/events.csv),
 * cited to synthetic stand-ins for the documents.
 */
export function policyEvents(book: SourceBook): EventRow[] {
  const doc = (id: string, title: string, publisher: string, date: string, path: string) =>
    book.fixed({ id, title, publisher, date, url: `https://www.gov.cn.example/${path}`, archive: '' });
  return [
    {
      date: '2013',
      title: '国务院办公厅鼓励地方政府利用社交媒体及时发布信息',
      title_en: 'General Office of the State Council encourages local governments to use social media to release information promptly',
      source: doc('policy-2013', '关于进一步加强政府信息公开回应社会关切提升政府公信力的意见（合成数据引用）', '国务院办公厅', '2013', 'zhengce/2013/'),
    },
    {
      date: '2014',
      title: '政务微博被列为政府信息公开重点工作',
      title_en: 'Microblogging named a key task of government information disclosure',
      source: doc('policy-2014', '2014年政府信息公开工作要点（合成数据引用）', '国务院办公厅', '2014', 'zhengce/2014/'),
    },
    {
      date: '2018-12',
      title: '国务院办公厅发文规范政务新媒体：2022年前建成体系，同一平台原则上只开设一个账号',
      title_en: 'State Council General Office notice on government new media: a system by 2022; no more than one account per platform',
      source: doc('policy-2018-12', '关于推进政务新媒体健康有序发展的意见（合成数据引用）', '国务院办公厅', '2018-12', 'zhengce/2018-12/'),
    },
    {
      date: '2023-12',
      title: '中央网信办部署整治“指尖上的形式主义”：及时关停使用率低的政务应用和账号',
      title_en: 'CCAC directive against "formalism on fingertips": prompt deactivation of low-usage government apps and accounts',
      source: doc('policy-2023-12', '整治“指尖上的形式主义”工作部署（合成数据引用）', '中央网络安全和信息化委员会办公室', '2023-12', 'zhengce/2023-12/'),
    },
    {
      date: '2024-08',
      title: '中共中央办公厅、国务院办公厅印发整治形式主义为基层减负的规定',
      title_en: 'General Offices of the CPC Central Committee and the State Council issue regulations on reducing formalities and grassroots burdens',
      source: doc('policy-2024-08', '整治形式主义为基层减负若干规定（合成数据引用）', '中共中央办公厅、国务院办公厅', '2024-08', 'zhengce/2024-08/'),
    },
  ];
}
