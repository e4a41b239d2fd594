/**
 * Every problem the validator can report, with a one-line explanation for contributors.
 * The README's and CONTRIBUTING's tables of messages are written from this list, and a test
 * keeps them in step.
 */
export const ERROR_CODES = {
  // Reading files
  FILE_ENCODING: 'The file is not UTF-8 (spreadsheets in China often save GBK): re-save it as "CSV UTF-8".',
  FILE_MISSING: 'A required file or folder is missing.',
  FILE_UNREADABLE: 'The file cannot be read (permission denied, a broken symbolic link, an input/output error…).',
  FILE_NOT_REGULAR: 'A folder, device, named pipe or socket is where a data file belongs; only regular files are read.',
  FILE_NOT_FOLDER: 'A file is where a data folder belongs (data/channels/, content/notices/).',
  FILE_OUTSIDE_DATA: 'A symbolic link leads outside the data or content folder; only files inside them are read.',
  FILE_TOO_LARGE: 'The file is larger than 100 MB (GitHub refuses such files); it was not read.',
  FILE_UNEXPECTED: 'A data folder holds something that is not its kind of data file (x.tsv, x.csv.bak, a subfolder…), so it was not read.',
  CSV_UNCLOSED_QUOTE: 'A quoted cell never closes: a `"` is missing, so the rest of the file cannot be read.',
  CSV_BAD_QUOTE: 'A quote appears inside an unquoted cell, or text follows a closing quote.',
  CSV_COLUMN_COUNT: 'A row has more or fewer cells than the header.',
  HEADER_MISSING_COLUMN: 'The header lacks a required column.',
  HEADER_UNKNOWN_COLUMN: 'The header has a column the contract does not define (a typo?).',
  HEADER_DUPLICATE_COLUMN: 'The header names the same column twice.',
  HEADER_EMPTY: 'The file has no header row.',
  // Cells
  REQUIRED: 'A required cell is empty.',
  ID_FORMAT: 'An id must be lower-case letters, digits and hyphens, starting with a letter or digit.',
  ENUM: 'The value is not one of the allowed words for this column.',
  DATE_FORMAT: 'A date must be YYYY, YYYY-MM or YYYY-MM-DD.',
  DATE_IMPOSSIBLE: 'The date does not exist (e.g. 2024-02-30) or its year is implausible.',
  DATE_FUTURE: 'The date is after the day the data was validated.',
  INTEGER: 'The value must be a whole number of 0 or more, without separators.',
  URL_SCHEME: 'Only http:// and https:// links are allowed.',
  URL_FORMAT: 'The value is not a valid web address.',
  REGION_FORMAT: 'A region must be a 6-digit or 9-digit GB/T 2260 code.',
  // Rows and references
  DUPLICATE_ID: 'The same id is used twice (ids are unique across all files).',
  DATE_ORDER: 'A channel cannot close or be announced before it opened.',
  CLOSED_NO_DATE: 'A closed channel needs the date it closed.',
  CLOSED_NO_REASON: 'A closing or closed channel needs a reason.',
  REASON_NOT_CLOSED: 'A reason is only for closing or closed channels.',
  SUCCESSOR_COUNT: 'The number of redirect targets does not fit the closure reason.',
  REDIRECT_UNKNOWN: 'A redirect names a channel id that is not in the registry.',
  REDIRECT_SELF: 'A channel redirects to itself.',
  REDIRECT_CYCLE: 'Redirects go round in a circle and never reach a live channel.',
  REDIRECT_CHAIN_TOO_LONG: 'A redirect chain passes more than 100 channels before it reaches a live one.',
  REDIRECT_DEAD_END: 'Every redirect chain from this channel ends at channels that are not active.',
  REDIRECT_FROM_LIVE: 'An active channel has redirect targets; only closing, closed or dormant ones should.',
  REGION_UNKNOWN: 'The region code is not in the division list nor in data/regions.csv.',
  LEVEL_REGION_MISMATCH: 'The level contradicts the kind of region (e.g. county level on a province code).',
  SOURCE_UNKNOWN: 'A source id is not in data/sources.csv.',
  NOTICE_UNKNOWN: 'The notice slug is not a file in content/notices/.',
  NOTICE_UNKNOWN_CHANNEL: 'A notice names a channel id that is not in the registry.',
  NOTICE_NOT_LINKED: 'A notice names a channel whose row does not name the notice back.',
  NOTICE_NOT_MARKDOWN: 'Notices must be plain Markdown (.md); MDX could run code at build time.',
  NOTICE_HTML: 'A notice body contains raw HTML; write plain Markdown (HTML could change or break the page).',
  STATUS_DATE_MISMATCH: 'A closure date is given but the status says the channel is still active or dormant.',
  FRONTMATTER: 'The notice frontmatter is missing, not YAML, or has a wrong field.',
  REGION_PARENT_UNKNOWN: 'A region override names a parent code that does not exist.',
  REGION_PARENT_CYCLE: 'Region overrides make a region its own ancestor.',
  DUPLICATE_SOURCE: 'The same source id is defined twice.',
  SOURCE_UNUSED: 'A source is defined but cited by nothing.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
