// ESLint: type-aware, zero warnings. The zones of the repo are enforced twice: by one tsconfig
// per zone (a wrong import does not compile) and here, by the import rules of each zone.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

const NODE_ONLY = ['better-sqlite3', 'node-thermal-printer', 'pino', 'kysely', 'pdfmake', 'electron'];
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
              group: ['**/src-main/**', '**/src-renderer/**', ...NODE_ONLY, 'react', 'react-dom', '@mui/*'],
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
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts', 'seeds/**/*.ts'],
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
          ],
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
