/** npm run docs: rewrites the data dictionary in docs/data-contract.md from the schemas. */
import { readFileSync, writeFileSync } from 'node:fs';
import { DATA_DICTIONARY_FILE, withDataDictionary } from '../src/domain/data-dictionary.ts';

const text = readFileSync(DATA_DICTIONARY_FILE, 'utf8');
const updated = withDataDictionary(text);
if (updated !== text) writeFileSync(DATA_DICTIONARY_FILE, updated);
console.log(`${DATA_DICTIONARY_FILE} data dictionary ${updated === text ? 'is up to date' : 'rewritten'}`);
