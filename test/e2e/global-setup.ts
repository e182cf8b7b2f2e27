import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../src/config/repo-root';
import { connectDatabase } from '../../src/database/connect-database';
import type { Database } from '../../src/database/database';
import type { LocalNeo4j } from '../../src/database/local-neo4j/local-neo4j';
import { createLogger } from '../../src/logging/logger';
import { createApp, type App } from '../../src/server/create-app';
import { SUITE_PASSWORD, SUITE_USER, startSuiteDatabase } from '../support/suite-database';
import { E2E_BASE_URL_VARIABLE, e2eBoltPort } from './e2e-environment';

declare global {
  var careersGraphE2e: { neo4j: LocalNeo4j; database: Database; app: App; webDir: string } | undefined;
}

/**
 * Once per run: the explorer built from web/ into a folder of its own (so a running
 * `npm start` keeps its dist/web), a fresh local Neo4j with the curated graph, and the
 * real service (HTTP, Apollo, driver, the explorer's pages and headers, the default
 * budget) on an ephemeral loopback port, its address handed to the workers.
 */
export default async function globalSetup(): Promise<void> {
  const root = repoRoot();
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-graph-explorer-'));
  const started = Date.now();
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'web', '--outDir', webDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.stderr.write(`\n  e2e explorer built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const { uri, neo4j } = await startSuiteDatabase({ name: 'e2e', boltPort: e2eBoltPort(), seed: true });
  const database = connectDatabase({ uri, user: SUITE_USER, password: SUITE_PASSWORD, database: 'neo4j', queryTimeoutMs: 10_000 });
  const app = await createApp(database, createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), { explorerDir: webDir });
  const port = await app.listen(0, '127.0.0.1');
  globalThis.careersGraphE2e = { neo4j, database, app, webDir };
  process.env[E2E_BASE_URL_VARIABLE] = `http://127.0.0.1:${port}`;
}
