/**
 * How to cite the dataset: the CITATION.cff written into the built site (with the data
 * version and date filled in; the repository's own CITATION.cff has no version) and the
 * sentence the "how to cite" boxes show, in both languages.
 */
import type { Lang } from '../domain/vocabulary.ts';
import { stringsFor } from '../strings/index.ts';

const zh = stringsFor('zh').citation;
const en = stringsFor('en').citation;

export interface CitationInput {
  /** The data commit, when known. */
  readonly version?: string;
  /** YYYY-MM-DD of the data commit. */
  readonly date: string;
  /** Absolute URL of the site. */
  readonly url: string;
  readonly repoUrl: string;
}

const yamlString = (s: string) => JSON.stringify(s);

export function citationCff(input: CitationInput): string {
  return [
    'cff-version: 1.2.0',
    'message: "If you use this dataset, please cite it as below. 如使用本数据集，请按以下方式引用。"',
    'type: dataset',
    `title: ${yamlString(`${zh.title} · ${en.title}`)}`,
    'authors:',
    `  - name: ${yamlString(en.author)}`,
    ...(input.version ? [`version: ${yamlString(input.version)}`] : []),
    `date-released: ${yamlString(input.date)}`,
    'license: CC-BY-4.0',
    `url: ${yamlString(input.url)}`,
    `repository: ${yamlString(input.repoUrl)}`,
    'keywords:',
    '  - China',
    '  - government new media',
    '  - 政务新媒体',
    '  - transparency',
    '',
  ].join('\n');
}

/** The recommended citation as one line of text. */
export function citationText(input: CitationInput, lang: Lang): string {
  const t = stringsFor(lang).citation;
  return t.text(t.author, t.title, input.version ?? t.unversioned, input.date, input.url);
}
