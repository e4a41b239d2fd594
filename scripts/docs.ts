/** npm run docs: rewrites the README's data dictionary from the schemas. */
import { readFileSync, writeFileSync } from 'node:fs';
import { withDataDictionary } from '../src/domain/data-dictionary.ts';

const readme = readFileSync('README.md', 'utf8');
const updated = withDataDictionary(readme);
if (updated !== readme) writeFileSync('README.md', updated);
console.log(updated === readme ? 'README.md data dictionary is up to date' : 'README.md data dictionary rewritten');
