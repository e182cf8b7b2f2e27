// @ts-check
/**
 * Two projects: `unit` (pure code, next to it in src/) and `integration`
 * (test/integration/, against a real local Neo4j started once per run by
 * global-setup.ts, through the real HTTP GraphQL server). `npm test` runs both.
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
      testMatch: ['<rootDir>/src/**/*.test.ts'],
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
  ],
};
