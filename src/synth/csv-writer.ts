/**
 * Writing CSV files a row at a time, in chunks, so a province of tens of thousands of rows
 * never becomes one giant string in memory.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { csvRow, exactCsvField } from '../format/csv.ts';

const CHUNK = 1 << 20;

export class CsvFileWriter {
  private readonly fd: number;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(file: string, header: readonly string[]) {
    this.fd = openSync(file, 'w');
    this.line(header);
  }

  line(cells: readonly string[]): void {
    // the registry's own source files: values kept exactly, no spreadsheet guard
    const text = `${csvRow(cells, exactCsvField)}\n`;
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= CHUNK) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
  }
}
