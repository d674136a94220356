import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const outside = (names, why) => names.map((name) => ({ name, message: why }));
const tfjs = [
  '@tensorflow/tfjs',
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-layers',
  '@tensorflow/tfjs-backend-wasm',
  '@tensorflow/tfjs-backend-webgpu',
  '@tensorflow/tfjs-backend-cpu',
];
const tfjsPatterns = [
  { group: ['@tensorflow/*'], message: 'tfjs lives only in workers/ (ARCHITECTURE.md rule 2).' },
];

export default ts.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'public/',
      '.cache/',
      'bench/data/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, __APP_VERSION__: 'readonly' },
    },
    rules: {
      'svelte/no-at-html-tags': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // The pure core: no DOM, tfjs, Dexie or Svelte (ARCHITECTURE.md rule 2). Dexie only in db/.
    files: ['src/lib/**/*.ts'],
    ignores: ['src/lib/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...outside(tfjs, 'tfjs lives only in workers/.'),
            ...outside(['dexie'], 'Dexie lives only in src/lib/db/.'),
            ...outside(
              ['svelte', 'svelte/store', 'svelte/reactivity'],
              'src/lib is framework-free.',
            ),
          ],
          patterns: [
            ...tfjsPatterns,
            { group: ['svelte/*', '*.svelte'], message: 'src/lib is framework-free.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'navigator'],
    },
  },
  {
    files: ['src/lib/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: outside(tfjs, 'tfjs lives only in workers/.'),
          patterns: [
            ...tfjsPatterns,
            { group: ['svelte', 'svelte/*', '*.svelte'], message: 'src/lib is framework-free.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage'],
    },
  },
  {
    // The page: no tfjs (it loads lazily in workers), no Dexie outside src/lib/db.
    files: [
      'src/**/*.svelte',
      'src/**/*.svelte.ts',
      'src/main.ts',
      'src/views/**',
      'src/components/**',
      'src/state/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...outside(tfjs, 'tfjs lives only in workers/.'),
            ...outside(['dexie'], 'Dexie lives only in src/lib/db/.'),
          ],
          patterns: [
            ...tfjsPatterns,
            {
              // @stdlib's feature probe calls eval, which the page's CSP forbids: the statistics
              // index (and the A/B index, which re-exports it) run in workers; the page imports
              // single files that do not reach @stdlib.
              regex: '^@stdlib/|(^|/)lib/(stats|ab)(/index)?$',
              message:
                'Statistics run in the worker (CSP: no eval in the page); import single files.',
            },
          ],
        },
      ],
    },
  },
);
