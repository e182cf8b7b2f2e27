import { createLogger } from '../../src/logging/logger';
import { expectGraphQLError, expectNoErrors } from '../support/expect-graphql-error';
import { startTestApi, type TestApi } from './test-api';

/**
 * The service's logs are JSON lines: one per GraphQL request, with its request id,
 * operation, duration, Cypher round trips and error codes; and never a secret a
 * client sent (bearer token, API key).
 */

/** Secrets no log line may ever contain; distinctive, so a search cannot miss them. */
const CURATOR_TOKEN = 'curator-token-9f3b1c7e4a2d8f6b0c5e1a3d7f9b2c4e';
const UNKNOWN_TOKEN = 'unknown-token-5d2a8c4f6e1b3d7a9c0e2f4b6d8a1c3e';
const API_KEY = 'api-key-7c1e9a3f5b2d4c6e8a0f1b3d5c7e9a2f';
const UNKNOWN_KEY = 'unknown-key-1e3a5c7e9b2d4f6a8c0e1b3d5f7a9c2e';
const SECRETS = [CURATOR_TOKEN, UNKNOWN_TOKEN, API_KEY, UNKNOWN_KEY];

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  operation?: string;
  durationMs?: number;
  cypherRoundTrips?: number;
  errorCodes?: string[];
  [key: string]: unknown;
}

describe('the service logs', () => {
  const output: string[] = [];
  let api: TestApi;
  beforeAll(async () => {
    // Everything the service logs, at every level, kept in memory.
    const logger = createLogger('trace', { write: (chunk: string) => void output.push(chunk) });
    api = await startTestApi(
      undefined,
      { curationTokens: [{ name: 'logging-test', token: CURATOR_TOKEN }], apiKeys: [{ name: 'logging-client', key: API_KEY }] },
      { logger },
    );
  });
  afterAll(async () => {
    await api?.close();
  });

  const allOutput = () => output.join('');
  /** Every line is one JSON object. */
  const lines = (): LogLine[] =>
    allOutput()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as LogLine);
  const requestLines = () => lines().filter((line) => line.msg === 'graphql request');

  /** Sends a request and returns its response with the log lines it added. */
  async function logged(query: string, headers: Record<string, string> = {}) {
    const before = lines().length;
    const response = await api.query(query, undefined, headers);
    return { response, added: lines().slice(before) };
  }

  it('writes one line per request: request id, operation, duration, round trips', async () => {
    const { response, added } = await logged('query RoleName { role(id: "sound-engineer") { name } }');
    expectNoErrors(response);

    const requests = added.filter((line) => line.msg === 'graphql request');
    expect(requests).toHaveLength(1);
    const [line] = requests as [LogLine];
    expect(line).toMatchObject({
      level: 30,
      service: 'careers-graph',
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      operation: 'RoleName',
      durationMs: expect.any(Number),
      cypherRoundTrips: 1,
    });
    expect(line.durationMs).toBeGreaterThanOrEqual(0);
    expect(line.errorCodes).toBeUndefined();
    // The same id the client was given, so a report can be matched to its line.
    expect(response.headers.get('x-request-id')).toBe(line.requestId);
  });

  it('names the error codes of a failing request', async () => {
    const { response, added } = await logged(
      'query MissingGap { skillGap(from: "no-such-role", to: "music-producer") { coverage } }',
    );
    expectGraphQLError(response, { code: 'NOT_FOUND' });

    const requests = added.filter((line) => line.msg === 'graphql request');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      operation: 'MissingGap',
      errorCodes: ['NOT_FOUND'],
      cypherRoundTrips: 1,
      requestId: response.headers.get('x-request-id'),
    });
  });

  it('gives every request its own id', async () => {
    await logged('{ sources { id } }');
    await logged('{ sources { id } }');
    const ids = requestLines().map((line) => line.requestId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(requestLines().at(-1)).toMatchObject({ operation: 'anonymous' });
  });

  it('never writes a bearer token or an API key, whatever the request gets', async () => {
    // A curator's read: served and logged.
    const curator = await logged('query AsCurator { role(id: "audio-engineer") { name } }', {
      authorization: `Bearer ${CURATOR_TOKEN}`,
      'x-api-key': API_KEY,
    });
    expect(curator.response.status).toBe(200);
    const served = curator.added.filter((line) => line.msg === 'graphql request');
    expect(served).toHaveLength(1);
    // The client is named by the name its key was issued under.
    expect(served[0]).toMatchObject({ apiClient: 'logging-client', curator: 'logging-test' });

    // An unknown API key: refused.
    const unknownKey = await logged('query WithUnknownKey { sources { id } }', { 'x-api-key': UNKNOWN_KEY });
    expect(unknownKey.response.status).toBe(401);

    // An unknown token: refused.
    const unknown = await logged('query WithUnknownToken { sources { id } }', {
      authorization: `Bearer ${UNKNOWN_TOKEN}`,
      'x-api-key': API_KEY,
    });
    expect(unknown.response.status).toBe(401);

    // A mutation without a token, and a failing one with both secrets.
    await logged('mutation NoToken { __typename }', { 'x-api-key': API_KEY });
    await logged('query Broken { role(id: "sound-engineer") { nope } }', {
      authorization: `Bearer ${CURATOR_TOKEN}`,
      'x-api-key': API_KEY,
    });

    const everything = allOutput();
    expect(everything.length).toBeGreaterThan(0);
    for (const secret of SECRETS) expect(everything).not.toContain(secret);
  });

  it('redacts secrets that a component passes to the logger', () => {
    const kept: string[] = [];
    const logger = createLogger('trace', { write: (chunk: string) => void kept.push(chunk) });
    const headers = { authorization: `Bearer ${CURATOR_TOKEN}`, 'x-api-key': API_KEY, cookie: `session=${UNKNOWN_TOKEN}` };
    logger.info({ req: { headers } }, 'as pino-http logs a request');
    logger.info({ headers }, 'headers alone');
    logger.child({ requestId: 'r' }).warn({ request: { headers } }, 'headers one level down');
    logger.info({ authorization: headers.authorization, token: CURATOR_TOKEN, apiKey: API_KEY }, 'credentials by name');
    logger.info({ curator: { name: 'someone', token: CURATOR_TOKEN } }, 'a token one level down');

    const text = kept.join('');
    expect(kept).toHaveLength(5);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });
});
