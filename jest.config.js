// @ts-check
/**
 * Seven projects: `unit` (pure code, its tests next to it in src/, web/src/,
 * scripts/ and test/support/), `integration` (test/integration/, the curated
 * graph in a real local Neo4j started once per run, queried through the real HTTP
 * GraphQL server),
 * `curation` (test/curation/, the mutations, over a second Neo4j with the curated
 * graph, so that writes never disturb the read-only suites), `import`
 * (test/import/, the O*NET and ESCO importers on the fixtures in test/fixtures,
 * over a Neo4j of its own with the curated graph), `properties`
 * (test/properties/, generated graphs in an empty local Neo4j), `realdata`
 * (test/realdata/, the importers on the whole published releases from
 * ../shared/realdata, over a Neo4j of its own; skipped with one line where they
 * are absent, failing under CI=true) and `e2e`
 * (test/e2e/, the explorer in headless Chromium against the real service, over a
 * Neo4j of its own with the curated graph).
 * `npm test` runs all seven.
 * Type checking is `npm run typecheck`; ts-jest only transpiles (isolatedModules).
 */
const transform = { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/web/src/**/*.test.ts', '<rootDir>/scripts/**/*.test.ts', '<rootDir>/test/support/**/*.test.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/integration/global-setup.ts',
      globalTeardown: '<rootDir>/test/integration/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/integration/jest-setup.ts'],
    },
    {
      displayName: 'curation',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/curation/**/*.test.ts'],
      globalSetup: '<rootDir>/test/curation/global-setup.ts',
      globalTeardown: '<rootDir>/test/curation/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/integration/jest-setup.ts'],
    },
    {
      displayName: 'import',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/import/**/*.test.ts'],
      globalSetup: '<rootDir>/test/import/global-setup.ts',
      globalTeardown: '<rootDir>/test/import/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/import/jest-setup.ts'],
    },
    {
      displayName: 'properties',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/properties/**/*.test.ts'],
      globalSetup: '<rootDir>/test/properties/global-setup.ts',
      globalTeardown: '<rootDir>/test/properties/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/integration/jest-setup.ts'],
    },
    {
      displayName: 'realdata',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/realdata/**/*.test.ts'],
      globalSetup: '<rootDir>/test/realdata/global-setup.ts',
      globalTeardown: '<rootDir>/test/realdata/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/integration/jest-setup.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/e2e/jest-setup.ts'],
    },
  ],
};
