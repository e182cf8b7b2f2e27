/** Set by global-setup for the test workers: where the explorer is served. */
export const E2E_BASE_URL_VARIABLE = 'CAREERS_GRAPH_E2E_BASE_URL';

/** The running explorer's address, for a test. */
export function e2eBaseUrl(): string {
  const url = process.env[E2E_BASE_URL_VARIABLE];
  if (!url) throw new Error('the e2e global setup did not run');
  return url;
}
