/** One row of data/events.csv: a policy milestone drawn on the timeline charts. */
import { z } from 'zod';
import { cell, listOf, parseDate, parseRef } from './cells.ts';

export const eventSchema = z.object({
  date: cell(parseDate).meta({ description: 'When it happened: YYYY, YYYY-MM or YYYY-MM-DD.', examples: ['2023-12'] }),
  title: z.string().meta({ description: 'Short Chinese title shown on the chart.', examples: ['中央网信办部署整治"指尖上的形式主义"'] }),
  title_en: z.string().optional().meta({ description: 'Short English title.', examples: ['CCAC directive against "formalism on fingertips"'] }),
  source: cell(listOf(parseRef)).meta({ description: 'Source ids or http(s) URLs, separated by ";".', examples: ['ccac-2023-12'] }),
});

export type EventFields = z.output<typeof eventSchema>;
