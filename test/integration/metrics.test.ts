import { startTestApi, type TestApi } from './test-api';

/** One sample of a metric with exactly these labels, from the text /metrics serves; 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const inside = /\{([^}]*)\}/.exec(line)?.[1] ?? '';
    const given = inside ? inside.split(',') : [];
    if (given.length === wanted.length && wanted.every((pair) => given.includes(pair))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

describe('GET /metrics (Prometheus)', () => {
  let api: TestApi;
  const metrics = async () => {
    const response = await fetch(`${api.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };
  const ask = (query: string, operationName?: string) =>
    fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, operationName }) });

  beforeAll(async () => {
    // A budget small enough that a few costly requests spend it (the last test spends it).
    api = await startTestApi(undefined, { budget: { points: 60, windowSeconds: 600 } });
  });
  afterAll(() => api.close());

  it('counts requests, errors, latency and Cypher round trips per operation', async () => {
    const before = await metrics();
    expect((await ask('query RoleName { role(id: "music-producer") { name } }', 'RoleName')).status).toBe(200);
    expect((await ask('query Missing { similarRoles(role: "no-such-role") { score } }', 'Missing')).status).toBe(200);
    const after = await metrics();
    const delta = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
    expect(delta('careers_graph_graphql_requests_total', { operation: 'RoleName', outcome: 'ok' })).toBe(1);
    expect(delta('careers_graph_graphql_request_duration_seconds_count', { operation: 'RoleName' })).toBe(1);
    expect(delta('careers_graph_cypher_round_trips_total', { operation: 'RoleName' })).toBeGreaterThanOrEqual(1);
    expect(delta('careers_graph_graphql_requests_total', { operation: 'Missing', outcome: 'NOT_FOUND' })).toBe(1);
    expect(delta('careers_graph_graphql_errors_total', { operation: 'Missing', code: 'NOT_FOUND' })).toBe(1);
    expect(after).toContain('careers_graph_database_in_flight 0');
    expect(after).toContain('careers_graph_process_resident_memory_bytes');
  });

  it('labels operations by name only within bounds: a name no metric may carry counts as other', async () => {
    const name = `x${'y'.repeat(80)}`;
    const response = await ask(`query ${name} { role(id: "music-producer") { id } }`, name);
    expect(await response.json()).toEqual({ data: { role: { id: 'music-producer' } }, extensions: expect.anything() });
    const text = await metrics();
    expect(text).not.toContain(name);
    expect(sample(text, 'careers_graph_graphql_requests_total', { operation: 'other', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
  });

  it('counts budget refusals', async () => {
    const before = sample(await metrics(), 'careers_graph_budget_refusals_total');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await ask('{ similarRoles(role: "music-producer", first: 10) { role { id } } }')).status);
    const refused = statuses.filter((status) => status === 429).length;
    expect(refused).toBeGreaterThan(0);
    expect(sample(await metrics(), 'careers_graph_budget_refusals_total') - before).toBe(refused);
  });
});
