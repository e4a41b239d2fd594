/**
 * The language switch keeps the reader's place. Static pages cannot know the query a reader
 * arrived with, so the built link goes to the same page in the other language (which works
 * without JavaScript) and this script adds what the address holds now: the query (a filtered
 * /closures/ view, /search/?q=, /verify/?q=) and the fragment (#c-<id>, #r-<code>). It sets
 * the link whenever the reader could follow or copy it, since the closures and search
 * clients change the address as the reader filters and types.
 *
 * On phones the navigation is one row that scrolls sideways: the current page's item is
 * brought into it, so the reader sees where they are.
 */

/**
 * The switch's address with the page's place: the link's own path, its query parameters
 * overlaid with the page's (the page's win), and the page's fragment.
 */
export function switchHref(href: string, search: string, hash: string): string {
  const url = new URL(href);
  const params = new URLSearchParams(url.search);
  for (const [key, value] of new URLSearchParams(search)) params.set(key, value);
  const query = params.toString();
  url.search = query ? `?${query}` : '';
  url.hash = hash;
  return url.href;
}

function keepPlace(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a.lang-switch')) {
    // the path the page was built with, kept so repeated updates never pile up
    const built = (link.dataset.builtHref ??= link.href);
    const update = () => {
      const current = new URL(link.href);
      // what another script put on the link since (the header search's ?q=) stays, under the page's own
      const base = new URL(built);
      base.search = current.search;
      link.href = switchHref(base.href, location.search, location.hash);
    };
    update();
    for (const type of ['pointerdown', 'focus', 'mouseenter', 'click', 'contextmenu']) link.addEventListener(type, update);
    addEventListener('hashchange', update);
    addEventListener('popstate', update);
  }
}

function showCurrentNavItem(): void {
  const current = document.querySelector<HTMLElement>('.site-nav [aria-current="page"]');
  const row = current?.closest('ul');
  if (!current || !row || row.scrollWidth <= row.clientWidth) return;
  const item = current.closest('li') ?? current;
  if (item.offsetLeft + item.offsetWidth > row.clientWidth) row.scrollLeft = item.offsetLeft - row.clientWidth / 3;
}

keepPlace();
showCurrentNavItem();
