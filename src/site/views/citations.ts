/** Sources as a reference list: what, who, when, where, and an archived copy against link rot. */
import type { Citation } from '../../domain/model.ts';
import type { Lang } from '../i18n.ts';
import { optionalDate, type DateView } from './dates.ts';
import { externalLink, type ExternalLink } from './links.ts';

export interface CitationView {
  readonly title?: string;
  readonly publisher?: string;
  readonly date?: DateView;
  /** The source's address; for a bare URL citation, the only thing known. */
  readonly link?: ExternalLink;
  readonly archive?: ExternalLink;
}

export function citationView(citation: Citation, lang: Lang): CitationView {
  if (citation.kind === 'url') return { link: externalLink(citation.url) };
  const s = citation.source;
  return {
    title: s.title,
    publisher: s.publisher,
    date: optionalDate(s.date, lang),
    link: externalLink(s.url),
    archive: externalLink(s.archive),
  };
}
