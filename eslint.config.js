// ESLint: the rules that catch bugs the type checker lets through (a promise nobody awaits, a
// value nobody reads, an `any` that switches checking off), not style — Prettier owns layout.
// .astro files are type-checked by `astro check` instead (npm run check:astro).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', '.astro/**', 'bench-out/**', 'synth-out/**', '.test-builds/**', 'tests/golden/**', 'tests/fixtures/**'],
  },
  {
    files: ['src/**/*.ts', 'scripts/**/*.ts', 'tests/**/*.ts', 'astro.config.mjs', 'eslint.config.js', 'vitest.config.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      parserOptions: {
        // Type-aware rules (no-floating-promises) read the project's own tsconfig; the root
        // config files outside its `include` get a default project.
        projectService: { allowDefaultProject: ['eslint.config.js', 'vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
      // A leading underscore marks a binding kept on purpose (a callback's position, a rest sibling).
      // Matching control characters is the point where hostile input is checked for them
      // (CELL_CONTROL_CHAR, frontmatter and file-name checks).
      'no-control-regex': 'off',
      // Chinese typography: the ideographic space (U+3000) is wanted inside strings and templates.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
);
