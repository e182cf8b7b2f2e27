import { e2eApiKey, e2eBaseUrl } from './e2e-environment';

/**
 * Asks the running service directly, so a test can check the page against what the
 * API computes from the graph rather than against numbers written into the test. It
 * asks as a client of its own (an API key of its own has a budget of its own), so the
 * test's checks do not spend the budget of the page under test.
 */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${e2eBaseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': e2eApiKey(0) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}
