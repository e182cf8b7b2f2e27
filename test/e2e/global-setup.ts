import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../src/config/repo-root';
import { connectDatabase } from '../../src/database/connect-database';
import type { Database } from '../../src/database/database';
import { importOnet } from '../../src/import/onet/onet-import';
import { createLogger } from '../../src/logging/logger';
import { createApp, type App } from '../../src/server/create-app';
import { SUITE_PASSWORD, SUITE_USER } from '../support/suite-database';
import { suiteGlobalSetup } from '../support/suite-global-setup';
import { E2E_BASE_URL_VARIABLE, E2E_TABS, e2eApiKey } from './e2e-environment';

declare global {
  /** The explorer's build folder, then the service over the suite's Neo4j, for global-teardown. */
  var careersGraphE2e: { webDir: string; database?: Database; app?: App } | undefined;
}

/** Builds the explorer from web/ into a folder of its own, so a running `npm start` keeps its dist/web. */
function buildExplorer(): void {
  const root = repoRoot();
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-graph-explorer-'));
  globalThis.careersGraphE2e = { webDir };
  const started = Date.now();
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'web', '--outDir', webDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.stderr.write(`\n  e2e explorer built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/** Starts the real service over the database at `uri` on an ephemeral loopback port and hands its address to the workers. */
async function startService(uri: string): Promise<void> {
  const e2e = globalThis.careersGraphE2e;
  if (!e2e) throw new Error('the explorer was not built');
  e2e.database = connectDatabase({ uri, user: SUITE_USER, password: SUITE_PASSWORD, database: 'neo4j', queryTimeoutMs: 10_000 });
  // Beside the curated graph, the real O*NET rows of test/fixtures/onet, for the views of an O*NET occupation's flags and lists.
  await importOnet(e2e.database, {
    dir: path.join(repoRoot(), 'test', 'fixtures', 'onet'),
    release: '29.0',
    minImportance: 3,
    batchSize: 1000,
    restart: false,
    progress: () => {},
  });
  const apiKeys = Array.from({ length: E2E_TABS + 1 }, (_, n) => ({ name: n === 0 ? 'e2e-checks' : `e2e-tab-${n}`, key: e2eApiKey(n) }));
  e2e.app = await createApp(e2e.database, createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'), { explorerDir: e2e.webDir, apiKeys });
  const port = await e2e.app.listen(0, '127.0.0.1');
  process.env[E2E_BASE_URL_VARIABLE] = `http://127.0.0.1:${port}`;
}

/**
 * Once per run: the explorer built from web/ into a folder of its own, a fresh local
 * Neo4j with the curated graph and the O*NET fixture, and the real service (HTTP, Apollo, driver, the
 * explorer's pages and headers, the default budget) on an ephemeral loopback port,
 * its address handed to the workers.
 */
export default suiteGlobalSetup({
  name: 'e2e',
  portVariable: 'NEO4J_E2E_BOLT_PORT',
  defaultPort: 7704,
  seed: true,
  beforeStart: buildExplorer,
  afterStart: startService,
});
