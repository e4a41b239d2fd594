/**
 * One row of data/regions.csv: adds a division missing from the built-in GB/T 2260 list, or
 * overrides a name, English name or parent of one that is there (the official code list
 * stopped being published in 2024, so this is how the registry keeps up).
 */
import { z } from 'zod';
import { cell, parseRegionCode } from './cells.ts';

export const regionOverrideSchema = z.object({
  code: cell(parseRegionCode).meta({ description: '6- or 9-digit code of the division.', examples: ['371082'] }),
  name: z.string().meta({ description: 'Official Chinese name.', examples: ['荣成市'] }),
  name_en: z.string().optional().meta({ description: 'English name; when empty, made from the pinyin of the name.', examples: ['Rongcheng'] }),
  parent: cell(parseRegionCode).optional().meta({ description: 'Code of the parent division, of a higher kind than the division (nation > province > prefecture > county > township); when empty, the parent in the built-in list or implied by the code.', examples: ['371000'] }),
});

export type RegionOverrideFields = z.output<typeof regionOverrideSchema>;
