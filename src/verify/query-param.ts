/** A query parameter of a page address ("?q=荣成" → "荣成"), trimmed; empty when absent. */
export function queryParam(search: string, name: string): string {
  return (new URLSearchParams(search).get(name) ?? '').trim();
}

/** The page address with the parameter set (or removed when empty), keeping the rest. */
export function withQueryParam(href: string, name: string, value: string): string {
  const url = new URL(href);
  if (value) url.searchParams.set(name, value);
  else url.searchParams.delete(name);
  return `${url.pathname}${url.search}${url.hash}`;
}
