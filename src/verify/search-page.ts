/**
 * On the /search/ page only: a shared link's ?q= is put into the page's search box and
 * searched at once. Runs once the document is parsed, when every module script (the search
 * client among them, which does the searching) has run.
 */
import { queryParam } from './query-param.ts';

function prefill(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-search][data-prefill]');
  const input = form?.querySelector<HTMLInputElement>('input[name=q]');
  const q = queryParam(location.search, 'q');
  if (input && q && !input.value) {
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', prefill, { once: true });
else prefill();
