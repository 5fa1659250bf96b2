// ESLint: type-aware, zero warnings. The zones of the repo are enforced twice: by one tsconfig
// per zone (a wrong import does not compile) and here, by the import rules of each zone (README,
// "Zones").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

const NODE_ONLY = ['better-sqlite3', 'node-thermal-printer', 'pino', 'kysely', 'pdfmake', 'electron'];
// The development zones: the central service emulator, the demo data, the development command.
// None of them is in the installer, so nothing the app is made of may import them.
const DEV_ZONES = ['**/central/**', '**/seeds/**', '**/dev/**'];
const devZones = {
  group: DEV_ZONES,
  message: 'central/, seeds/ and dev/ are development zones outside the app: the app never imports them.',
};
const nodeBuiltins = {
  group: ['node:*', 'fs', 'path', 'os', 'net', 'http', 'crypto', 'child_process'],
  message: 'Node built-ins are not allowed in this zone.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/tmp-*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: [
          './tsconfig.main.json',
          './tsconfig.electron.json',
          './seeds/tsconfig.json',
          './central/tsconfig.json',
          './dev/tsconfig.json',
          './shared/tsconfig.json',
          './src-renderer/tsconfig.json',
          './test/tsconfig.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // Zero import cycles between files: a cycle makes the order modules load in matter (a value
    // read before it is set) and ties domains together that should not know each other. Type-only
    // imports vanish at run time and do not count.
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            {
              group: [
                '**/src-main/**',
                '**/src-renderer/**',
                ...DEV_ZONES,
                ...NODE_ONLY,
                'react',
                'react-dom',
                '@mui/*',
              ],
              message: 'shared/ is pure TypeScript: it imports nothing from the other zones.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // One concern per file: a screen that grows past this is doing the work of several. Counted
      // without blank lines and comments, so explaining why never costs room. No exceptions today;
      // name any here with its reason.
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            {
              group: ['**/src-main/**', ...NODE_ONLY],
              message: 'The renderer talks to the core only through the contract (shared/contract.ts).',
            },
            devZones,
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'Only src-main/electron may import electron: the core runs in plain Node.',
            },
            { group: ['**/src-renderer/**', 'react', 'react-dom', '@mui/*'], message: 'The core knows no renderer.' },
            devZones,
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src-renderer/**', 'react', 'react-dom', '@mui/*'], message: 'The shell knows no renderer.' },
            devZones,
          ],
        },
      ],
    },
  },
  {
    // The demo data: builders over shared/ only, so that the emulator and the counter's seeding
    // can both use it without one reaching the other.
    files: ['seeds/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/**', '**/src-renderer/**', '**/central/**', '**/dev/**', 'electron', 'electron/*'],
              message: 'seeds/ is demo data: it imports only shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The central service emulator is another program: the API (shared/) and the demo data, never the counter.
    files: ['central/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/**', '**/src-renderer/**', '**/dev/**', 'electron', 'electron/*'],
              message: 'The emulator imports only shared/ and seeds/: never the counter it stands in front of.',
            },
          ],
        },
      ],
    },
  },
  {
    // The development command may use the counter (to seed it) and the emulator; never the UI.
    files: ['dev/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-renderer/**', '**/src-main/electron/**', 'electron', 'electron/*'],
              message: 'dev/ runs in plain Node: no renderer, no Electron.',
            },
          ],
        },
      ],
    },
  },
  {
    // printing/ only encodes and talks to devices: what a receipt, a notice or a day summary says
    // belongs to receipts/, notices/ and reports/, which hand printing/ the finished text.
    files: ['src-main/printing/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'Only src-main/electron may import electron.' },
            { group: ['**/src-renderer/**', 'react', 'react-dom', '@mui/*'], message: 'The core knows no renderer.' },
            {
              regex: '^\\.\\./(?!\\.\\./shared/)',
              message: 'printing/ imports only shared/ (and its own files): the texts come from their domains.',
            },
          ],
        },
      ],
    },
  },
  {
    // One typed way to SQL in the counter: statements are prepared only in the per-domain query
    // modules (src-main/<domain>/queries.ts, on the per-connection cache of db/statements.ts), the
    // journal and db/. The central emulator keeps its own SQL. See README.md, "Code style".
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/*/queries.ts', 'src-main/journal/journal.ts', 'src-main/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='prepare']",
          message:
            'Prepare SQL in the query module of the domain (src-main/<domain>/queries.ts, preparedPerConnection), not here.',
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**', 'bin/**', '*.config.*'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.cjs', '**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
