import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOCUMENTED_ENTITIES, withDataDictionary } from '../src/domain/data-dictionary.ts';

describe('the README data dictionary', () => {
  const readme = readFileSync('README.md', 'utf8');

  it('is the one the schemas write (run npm run docs after changing a schema)', () => {
    expect(withDataDictionary(readme)).toBe(readme);
  });

  it('documents every column of every entity, each with a description', () => {
    for (const { schema } of DOCUMENTED_ENTITIES) {
      for (const [name, field] of Object.entries(schema.shape)) {
        expect(readme).toContain(`| \`${name}\` |`);
        expect((field as unknown as { meta(): { description?: string } }).meta()?.description, name).toBeTruthy();
      }
    }
  });

  it('names the set-up and test commands', () => {
    expect(readme).toContain('npm install && npm run build');
    expect(readme).toContain('npm test');
  });
});
