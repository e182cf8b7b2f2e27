// @ts-check
import eslint from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/** How import-x parses and resolves TypeScript imports (both projects' path settings). */
const IMPORT_SETTINGS = {
  ...importX.flatConfigs.typescript.settings,
  'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.json', 'web/tsconfig.json'], noWarnOnMultipleProjects: true })],
};

/** The base layer: what every other layer may import. */
const BASE = ['./models', './errors', './config', './logging', './auth', './analysis'];

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'src/generated/', 'web/src/generated/', 'tools/neo4j-local/target/', '.neo4j/', '.venv-fuzz/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    // No import cycles anywhere in the service or the explorer.
    files: ['src/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: IMPORT_SETTINGS,
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // The layers point one way (docs/development.md): server → graphql → repositories →
    // database → the base (models, errors, config, logging, auth). data/ (the curated
    // format) sits on the base; import/ (the taxonomy importers) beside graphql, on
    // repositories. Each layer imports only those below it; tests are exempt.
    files: ['src/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    plugins: { 'import-x': importX },
    settings: IMPORT_SETTINGS,
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...['models', 'errors', 'config', 'logging', 'auth', 'analysis'].map((base) => ({
              target: `./src/${base}`,
              from: './src',
              except: ['./models', './errors', './config', './logging', './auth', './analysis'],
              message: 'The base (models, errors, config, logging, auth, analysis: pure computation) imports nothing above it.',
            })),
            { target: './src/data', from: './src', except: ['./data', ...BASE], message: 'data/ is the curated format: it imports only the base.' },
            { target: './src/database', from: './src', except: ['./database', ...BASE], message: 'database/ imports only the base.' },
            {
              target: './src/repositories',
              from: './src',
              except: ['./repositories', './database', './data', ...BASE],
              message: 'repositories/ import only the database, the curated format and the base.',
            },
            {
              target: './src/import',
              from: './src',
              except: ['./import', './repositories', './database', './data', ...BASE],
              message: 'import/ hands rows to the graph writer: it imports repositories and below, never graphql or server.',
            },
            {
              target: './src/graphql',
              from: './src',
              except: ['./graphql', './generated', './repositories', './database', './data', ...BASE],
              message: 'graphql/ imports repositories and below, never the server.',
            },
            { target: './src/server', from: ['./src/main.ts', './src/import'], message: 'server/ imports graphql and below, never the entry points.' },
            {
              target: './web/src',
              from: './src',
              except: ['./models'],
              message: 'The explorer shares only the models (the relation table) with the service; it talks to it over GraphQL.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tools that load their configuration by default export.
    files: ['codegen.ts', 'jest.config.js', 'eslint.config.mjs', 'web/vite.config.ts', 'test/*/global-setup.ts', 'test/*/global-teardown.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The explorer: browser code, React function components and hooks.
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { module: 'readonly', require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
