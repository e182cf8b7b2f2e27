import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from '../../src/config/repo-root';
import { E2E_TABS, e2eApiKey } from './e2e-environment';

/** Debian's Chromium (scripts/install-system-deps.sh installs it); CHROMIUM_PATH points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Headless and offline: without the background-networking switches Chromium's own
 * connections (updates, sync, field trials) are refused on a closed network and slow
 * every start; the sandbox needs privileges CI does not have as root.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  /**
   * A new tab at `width` × 900, recording console errors and failed requests into
   * `problems`. Each tab is a client of its own (an API key of its own), with the
   * service's default budget, as each reader is: what one test spends does not make
   * the next one wait.
   */
  open(width?: number): Promise<{ page: Page; problems: string[] }>;
  close(): Promise<void>;
}

/** Chromium with a fresh profile in a temporary folder, removed on close. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run scripts/install-system-deps.sh (as root) or set CHROMIUM_PATH`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'careers-graph-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 } });
  } catch (error) {
    fs.rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  let tabs = 0;
  return {
    async open(width = 1280) {
      const page = await context.newPage();
      tabs += 1;
      if (tabs > E2E_TABS) throw new Error(`more than ${E2E_TABS} tabs: raise E2E_TABS in e2e-environment.ts`);
      await page.setExtraHTTPHeaders({ 'x-api-key': e2eApiKey(tabs) });
      await page.setViewportSize({ width, height: 900 });
      page.setDefaultTimeout(10_000);
      const problems: string[] = [];
      // A CSP violation, a failed script or an uncaught exception shows up here.
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) => {
        // A query the page no longer needs (a search overtaken by the next keystroke) is aborted on purpose.
        if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
      });
      return { page, problems };
    },
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * With E2E_SCREENSHOTS=docs (`npm run screenshots`), saves the page as
 * docs/explorer-<name>.png for the README; otherwise does nothing.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS !== 'docs') return;
  await page.screenshot({ path: path.join(repoRoot(), 'docs', `explorer-${name}.png`), fullPage: true, animations: 'disabled' });
}
