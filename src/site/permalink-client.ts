/**
 * The not-found page's script: when the missing address is a channel's permalink
 * (/channels/<id>/, /en/channels/<id>/) or a township's (/regions/<code>/), it looks the key up
 * in its shard of the permalink map and goes to the entry or section (see permalink-map.ts).
 * Anything else stays on the not-found page.
 */
import { PERMALINK_DIR, parsePermalink, permalinkShard, permalinkTarget, shardFile } from './permalink-address.ts';

async function resolve(): Promise<void> {
  const notice = document.querySelector<HTMLElement>('[data-permalink-base]');
  const parsed = parsePermalink(location.pathname, notice?.dataset.permalinkBase ?? '/');
  if (!parsed) return;
  if (notice) notice.hidden = false;
  try {
    const response = await fetch(`${notice?.dataset.permalinkBase ?? '/'}${PERMALINK_DIR}/${shardFile(permalinkShard(parsed.key))}`);
    const shard = (await response.json()) as Record<string, string>;
    const page = shard[parsed.key];
    if (page) {
      location.replace(permalinkTarget(parsed, page));
      return;
    }
  } catch {
    // offline or blocked: the not-found text below still offers search and the home page
  }
  if (notice) notice.hidden = true;
}

void resolve();
