import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATA_DICTIONARY_FILE, DICTIONARY_END, DICTIONARY_START, DOCUMENTED_ENTITIES, withDataDictionary } from '../src/domain/data-dictionary.ts';

describe('the data dictionary in docs/data-contract.md', () => {
  const contract = readFileSync(DATA_DICTIONARY_FILE, 'utf8');

  it('lives in docs/data-contract.md', () => {
    expect(DATA_DICTIONARY_FILE).toBe('docs/data-contract.md');
  });

  it('is the one the schemas write (run npm run docs after changing a schema)', () => {
    expect(contract).toContain(DICTIONARY_START);
    expect(withDataDictionary(contract)).toBe(contract);
  });

  it('documents every column of every entity, each with a description', () => {
    const dictionary = contract.slice(contract.indexOf(DICTIONARY_START), contract.indexOf(DICTIONARY_END));
    for (const { title, schema } of DOCUMENTED_ENTITIES) {
      expect(dictionary).toContain(`#### ${title}`);
      for (const [name, field] of Object.entries(schema.shape)) {
        expect(dictionary).toContain(`| \`${name}\` |`);
        expect((field as unknown as { meta(): { description?: string } }).meta()?.description, name).toBeTruthy();
      }
    }
  });

  it('replaces only what lies between the markers, and refuses a document without them', () => {
    const stale = `# Before\n\n${DICTIONARY_START}\nold table\n${DICTIONARY_END}\n\n## After\n`;
    const fresh = withDataDictionary(stale);
    expect(fresh.startsWith(`# Before\n\n${DICTIONARY_START}\n`)).toBe(true);
    expect(fresh.endsWith(`${DICTIONARY_END}\n\n## After\n`)).toBe(true);
    expect(fresh).not.toContain('old table');
    expect(fresh).toContain('| `id` | **required** |');
    expect(() => withDataDictionary('# No markers\n')).toThrow(/docs\/data-contract\.md lacks the data-dictionary markers/);
  });
});

describe('the README', () => {
  const readme = readFileSync('README.md', 'utf8');

  it('names the set-up and test commands', () => {
    expect(readme).toContain('npm install && npm run build');
    expect(readme).toContain('npm test');
  });

  it('leaves the dictionary to docs/data-contract.md (one home for it)', () => {
    expect(readme).not.toContain(DICTIONARY_START);
    expect(readme).toContain('](docs/data-contract.md');
  });
});
