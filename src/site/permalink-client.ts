/**
 * The not-found page's script: when the missing address is a channel's permalink
 * (/channels/<id>/, /en/channels/<id>/) or a township's (/regions/<code>/), it looks the key up
 * in its shard of the permalink map and goes to the entry or section (see permalink-map.ts).
 * Anything else stays on the not-found page. The address is the reader's to type, so it only
 * ever leads to a path on this site (permalink-address.ts checks each step; the origin check
 * here is the last word).
 */
import { PERMALINK_DIR, parsePermalink, permalinkDestination } from './permalink-address.ts';

async function resolve(): Promise<void> {
  const notice = document.querySelector<HTMLElement>('[data-permalink-base]');
  const base = notice?.dataset.permalinkBase ?? '/';
  const parsed = parsePermalink(location.pathname, base);
  if (!parsed) return;
  if (notice) notice.hidden = false;
  try {
    const target = await permalinkDestination(parsed, async (file) => (await fetch(`${base}${PERMALINK_DIR}/${file}`)).json());
    const url = target === undefined ? undefined : new URL(target, location.href);
    if (url && url.origin === location.origin) {
      location.replace(url.href);
      return;
    }
  } catch {
    // offline or blocked: the not-found text below still offers search and the home page
  }
  if (notice) notice.hidden = true;
}

void resolve();
