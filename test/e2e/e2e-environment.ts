/** Set by global-setup for the test workers: where the explorer is served. */
export const E2E_BASE_URL_VARIABLE = 'CAREERS_GRAPH_E2E_BASE_URL';

/** How many browser tabs the suite may open, each a client with an API key of its own. */
export const E2E_TABS = 200;

/**
 * The API key of the n-th tab (1-based), or of the tests' own questions (0): each is
 * configured in the service's API_KEYS by global-setup, so each has the default
 * budget of its own, and one test's spending does not make the next one wait.
 */
export function e2eApiKey(n: number): string {
  return `e2e-client-${n}-`.padEnd(40, 'k');
}

/** The running explorer's address, for a test. */
export function e2eBaseUrl(): string {
  const url = process.env[E2E_BASE_URL_VARIABLE];
  if (!url) throw new Error('the e2e global setup did not run');
  return url;
}
