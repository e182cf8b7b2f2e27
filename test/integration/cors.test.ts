import { rawRequest, type RawResponse } from './raw-request';
import { startTestApi, type TestApi } from './test-api';

const ALLOWED = 'https://app.example.org';
const OTHER = 'https://elsewhere.example.com';

/** A browser's preflight before a cross-origin JSON POST to /graphql. */
const preflight = (api: TestApi, origin: string) =>
  rawRequest(`${api.baseUrl}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-api-key' },
  });

/** The cross-origin POST that follows. */
const post = (api: TestApi, origin: string) =>
  rawRequest(`${api.baseUrl}/graphql`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ role(id: "music-producer") { name } }' }),
  });

const corsHeaders = (response: RawResponse) => Object.keys(response.headers).filter((name) => name.startsWith('access-control-'));

describe('CORS with an allow-list (CORS_ORIGINS)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(undefined, { corsOrigins: [ALLOWED] });
  });

  afterAll(async () => {
    await api.close();
  });

  it('answers a preflight from an allowed origin with 204 and what the page may send', async () => {
    const response = await preflight(api, ALLOWED);
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(response.headers['access-control-allow-methods']).toBe('GET,POST');
    expect(response.headers['access-control-allow-headers']?.split(',')).toEqual(expect.arrayContaining(['content-type', 'x-api-key', 'authorization']));
    expect(response.headers['access-control-max-age']).toBe('600');
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    expect(response.headers.vary).toMatch(/Origin/);
  });

  it('lets an allowed origin read the answer and its request id', async () => {
    const response = await post(api, ALLOWED);
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(response.headers['access-control-expose-headers']).toBe('x-request-id,retry-after');
    expect(JSON.parse(response.body.toString('utf8'))).toMatchObject({ data: { role: { name: 'Music producer' } } });
  });

  it('gives any other origin no CORS header at all, preflight or not', async () => {
    const refused = await preflight(api, OTHER);
    expect(refused.status).not.toBe(204);
    expect(corsHeaders(refused)).toEqual([]);
    expect(refused.headers.vary).toMatch(/Origin/);
    expect(corsHeaders(await post(api, OTHER))).toEqual([]);
    // An origin that only starts like an allowed one is another origin.
    expect(corsHeaders(await preflight(api, `${ALLOWED}.evil.example`))).toEqual([]);
  });

  it('keeps CSRF prevention: a simple GET without a preflight-forcing header is refused, even from an allowed origin', async () => {
    const response = await rawRequest(`${api.baseUrl}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { origin: ALLOWED } });
    expect(response.status).toBe(400);
    expect(response.body.toString('utf8')).toMatch(/CSRF/);
  });

  it('applies to /schema.graphql too', async () => {
    const response = await rawRequest(`${api.baseUrl}/schema.graphql`, { headers: { origin: ALLOWED } });
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe(ALLOWED);
  });
});

describe('CORS by default (CORS_ORIGINS unset)', () => {
  it('is same-origin only: no CORS header for any origin', async () => {
    const api = await startTestApi();
    try {
      const response = await preflight(api, ALLOWED);
      expect(response.status).not.toBe(204);
      expect(corsHeaders(response)).toEqual([]);
      expect(corsHeaders(await post(api, ALLOWED))).toEqual([]);
    } finally {
      await api.close();
    }
  });
});
