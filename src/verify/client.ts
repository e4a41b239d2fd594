/**
 * The verify page's form, enhanced: a pasted link or handle is looked up in the static verify
 * index (lookup.ts) and the answer (verdict.ts) shown in the live region after the form. The
 * address keeps ?q=, so a checked link can be shared and reloaded. Served as its own cacheable
 * file; without it the form reloads the page, which explains how to check by hand.
 */
import type { Lang } from '../domain/vocabulary.ts';
import { reportIssueUrl } from '../routes/report-links.ts';
import { entryLink } from '../store/records.ts';
import { punctuation as enPunctuation } from '../strings/en.ts';
import { langOfTag } from '../strings/lang.ts';
import { punctuation as zhPunctuation } from '../strings/zh.ts';
import type { VerifyManifest } from './index-format.ts';
import { VerifyIndex } from './lookup.ts';
import { queryParam, withQueryParam } from './query-param.ts';
import { ANSWERS, verdictView, type DateText, type LinkView, type MatchView, type VerdictLinks, type VerdictView } from './verdict.ts';

let loading: Promise<VerifyIndex> | undefined;

function loadIndex(manifestUrl: string): Promise<VerifyIndex> {
  loading ??= (async () => {
    // Revalidated each visit; everything it points to is immutable (versioned folder).
    const response = await fetch(manifestUrl, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`verify index: ${response.status}`);
    const manifest = (await response.json()) as VerifyManifest;
    // Index files are named relative to the manifest's folder.
    const base = new URL(manifestUrl, location.href);
    return new VerifyIndex(manifest, async (path) => {
      const r = await fetch(new URL(path, base));
      if (!r.ok) throw new Error(`verify index: ${r.status} for ${path}`);
      return new Uint8Array(await r.arrayBuffer());
    });
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

function link(view: LinkView): HTMLAnchorElement {
  const a = el('a', undefined, view.text);
  a.href = view.href;
  return a;
}

function time(date: DateText): HTMLTimeElement {
  const t = el('time', undefined, date.text);
  t.dateTime = date.datetime;
  return t;
}

const PUNCTUATION = { zh: zhPunctuation, en: enPunctuation };

function matchNode(m: MatchView, lang: Lang): HTMLElement {
  const t = ANSWERS[lang];
  const p = PUNCTUATION[lang];
  const box = el('article', `verify-match verify-match--${m.status}`);
  box.append(el('h2', 'verify-verdict', ...m.verdict.map((part) => (typeof part === 'string' ? part : time(part)))));
  box.append(el('p', 'verify-channel', el('strong', undefined, m.name), ` · ${m.platform} · ${m.agency}`));
  if (m.destinations?.length) {
    const go = el('p', 'verify-go', el('strong', undefined, t.goInstead));
    m.destinations.forEach((d, i) => {
      if (i) go.append(p.semicolon);
      go.append(link(d.link));
      if (d.url) go.append(' ', el('span', 'verify-url', p.openParen, link(d.url), p.closeParen));
    });
    box.append(go);
  } else if (m.noDestination) {
    box.append(el('p', 'verify-go', m.noDestination));
  }
  if (m.note) box.append(el('p', 'verify-note', m.note));
  box.append(el('p', 'verify-details', link(m.page)));
  return box;
}

function render(target: HTMLElement, view: VerdictView, lang: Lang): void {
  switch (view.kind) {
    case 'none':
      target.replaceChildren();
      return;
    case 'found':
      target.replaceChildren(...(view.intro ? [el('p', 'verify-intro', view.intro)] : []), ...view.matches.map((m) => matchNode(m, lang)));
      return;
    case 'missing': {
      const links = el('ul', 'plain-list link-list', ...view.links.map((l) => el('li', undefined, link(l))));
      target.replaceChildren(el('article', 'verify-match verify-match--missing', el('h2', 'verify-verdict', view.heading), el('p', undefined, view.text), links));
      return;
    }
    case 'note':
      target.replaceChildren(el('article', 'verify-match verify-match--note', el('p', undefined, view.text), ...(view.links.length ? [el('ul', 'plain-list link-list', ...view.links.map((l) => el('li', undefined, link(l))))] : [])));
      return;
  }
}

function enhance(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name=q]');
  const result = document.getElementById('verify-result');
  const manifestUrl = form.dataset.verify;
  if (!input || !result || !manifestUrl) return;
  const lang = langOfTag(form.dataset.lang ?? document.documentElement.lang);
  const t = ANSWERS[lang];
  const repo = form.dataset.repo ?? '';
  const searchPage = form.dataset.searchPage ?? '/';
  let loaded: VerifyIndex | undefined;

  const links: VerdictLinks = {
    channel: (c) => (loaded ? entryLink(loaded.manifest.links[lang], c) : '#'),
    search: (text) => (text ? `${searchPage}?q=${encodeURIComponent(text)}` : searchPage),
    report: (text) => reportIssueUrl(repo, 'missing', /^[a-z]+:\/\/|\//i.test(text) ? { url: text } : { details: text }),
  };

  let sequence = 0;
  const run = async () => {
    const query = input.value.trim();
    const mine = ++sequence;
    history.replaceState(history.state, '', withQueryParam(location.href, 'q', query));
    if (!query) {
      result.replaceChildren();
      return;
    }
    result.setAttribute('aria-busy', 'true');
    result.replaceChildren(el('p', 'verify-working', t.working));
    try {
      loaded = await loadIndex(manifestUrl);
      const answer = await loaded.lookup(query);
      if (mine !== sequence) return;
      render(result, verdictView(answer, lang, links), lang);
    } catch {
      if (mine === sequence) result.replaceChildren(el('p', 'verify-failed', t.failed));
    } finally {
      if (mine === sequence) result.removeAttribute('aria-busy');
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  input.addEventListener('focus', () => void loadIndex(manifestUrl).catch(() => undefined), { once: true });
  const q = queryParam(location.search, 'q');
  if (q) {
    input.value = q;
    void run();
  }
}

document.querySelectorAll<HTMLFormElement>('form[data-verify]').forEach(enhance);
