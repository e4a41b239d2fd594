/**
 * Record files for the browser (search results, verify answers) repeat the same agencies,
 * places and platforms many times; they store each text once in a table and refer to it by
 * index. Both writers share this table; -1 stands for "no text".
 */
export class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  /** Index of the text in the table, adding it on first use; -1 for absent or empty text. */
  ref(text: string | undefined): number {
    if (text === undefined || text === '') return -1;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(text);
      this.index.set(text, i);
    }
    return i;
  }
}
