/** One row of data/sources.csv: a report, notice or page that rows cite as evidence. */
import { z } from 'zod';
import { cell, parseDate, parseHttpUrl, parseId } from './cells.ts';

export const sourceSchema = z.object({
  id: cell(parseId).meta({ description: 'Short unique id that rows cite in their source column.', examples: ['cd-2024-08-28'] }),
  title: z.string().meta({ description: 'Headline or title, in its original language.', examples: ['Governments closing their unused social media accounts'] }),
  publisher: z.string().meta({ description: 'Outlet or issuing body.', examples: ['China Daily'] }),
  date: cell(parseDate).optional().meta({ description: 'Publication date: YYYY, YYYY-MM or YYYY-MM-DD.', examples: ['2024-08-28'] }),
  url: cell(parseHttpUrl).optional().meta({ description: 'Where to read it (http(s)); empty for print-only reports.', examples: [] }),
  archive: cell(parseHttpUrl).optional().meta({ description: 'A web-archive copy, so the citation survives link rot.', examples: [] }),
});

export type SourceFields = z.output<typeof sourceSchema>;
