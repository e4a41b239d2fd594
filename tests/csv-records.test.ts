/**
 * Records split without papaparse must be exactly papaparse's: the same cells, the same start
 * and end of every record, the same errors at the same offsets, for well-formed text and for
 * every kind of broken quote (from which papaparse itself reads on).
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { forEachCsvRecord } from '../src/domain/csv-records.ts';

function viaPapaparse(text: string) {
  const records: unknown[] = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    step(result) {
      records.push({ start, end: result.meta.cursor, data: result.data, errors: result.errors.map((e) => ({ ...e })) });
      start = result.meta.cursor;
    },
  });
  return records;
}

function viaForEach(text: string) {
  const records: unknown[] = [];
  forEachCsvRecord(text, (r) => records.push({ start: r.start, end: r.end, data: [...r.data], errors: r.errors.map((e) => ({ ...e })) }));
  return records;
}

describe('CSV records', () => {
  it('are papaparse\'s for the shapes spreadsheets write and for broken quotes', () => {
    const texts = [
      '', '\n', '\n\n', 'a', 'a\n', 'a,b\nc,d', 'a,b\nc,d\n', 'a,b\n\n\nc,d\n\n',
      'id,name\na,"荣成, 威海"\nb,"he said ""closed"""\n', 'a,"two\nlines",x\nb,,\n', '"",""\n"""",x', 'a,"x"', 'a,"x"\n', '"a\n"',
      'a,"x"y,z\nb,c\n', 'a,"never closes\nb,c\n', 'a,b"c,d\ne,f\n', 'a,"x" ,y\n', 'a,"x"\r\nb,c\r\n', 'a,b\r\nc,"d"\r\n', 'a\rb\r"c"\r',
      'a,"x""\n', 'a,"x"""', '"a"""', 'x,"a""', ' "a",b\n', 'a,"b"\n"c\nd",e\n"f"',
    ];
    for (const text of texts) expect(viaForEach(text), JSON.stringify(text)).toEqual(viaPapaparse(text));
  });

  it('are papaparse\'s for many random texts', () => {
    let seed = 20261121;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const pieces = ['a', 'b', '中', ',', ',', '"', '""', '"x"', '\n', '\n', ' ', '\r', '\r\n'];
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * (n % 2 === 0 ? 10 : pieces.length))];
      expect(viaForEach(text), JSON.stringify(text)).toEqual(viaPapaparse(text));
    }
  });
});
