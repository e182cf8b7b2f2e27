import net from 'node:net';
import { startTestApi, type TestApi } from './test-api';

/** A raw connection to the server, with everything it receives and when it closed. */
function connect(baseUrl: string): Promise<{ socket: net.Socket; received: () => string; closed: Promise<number> }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    const closed = new Promise<number>((done) => socket.once('close', () => done(Date.now())));
    socket.once('error', () => undefined);
    socket.once('connect', () => resolve({ socket, received: () => data, closed }));
    socket.once('error', reject);
  });
}

const REQUEST_TIMEOUT_MS = 1_000;

describe('HTTP limits', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(undefined, {
      http: { headersTimeoutMs: REQUEST_TIMEOUT_MS, requestTimeoutMs: REQUEST_TIMEOUT_MS, keepAliveTimeoutMs: 1_000, maxConnections: 3 },
    });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers 408 and closes a connection whose body does not arrive in time, instead of holding it for minutes', async () => {
    const { socket, received, closed } = await connect(api.baseUrl);
    const started = Date.now();
    // Headers announcing a body, then only part of it, never the rest.
    socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":');
    const at = await closed;
    expect(received()).toMatch(/^HTTP\/1\.1 408 /);
    // Node looks for late requests once a second: the close comes between 1 and 2 s, with slack for a busy machine.
    expect(at - started).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS);
    expect(at - started).toBeLessThan(REQUEST_TIMEOUT_MS + 4_000);
  });

  it('holds at most maxConnections at once, closing the next as it arrives, and takes new ones once some close', async () => {
    const held = await Promise.all([connect(api.baseUrl), connect(api.baseUrl), connect(api.baseUrl)]);
    // Past the cap: accepted by the kernel, then closed by the server without a byte.
    const extra = await connect(api.baseUrl);
    await extra.closed;
    expect(extra.received()).toBe('');
    for (const connection of held) connection.socket.destroy();
    await Promise.all(held.map((connection) => connection.closed));
    // The server counts the closes on its side as they arrive: ask until it answers.
    const deadline = Date.now() + 5_000;
    let status = 0;
    while (status !== 200 && Date.now() < deadline) {
      status = await fetch(`${api.baseUrl}/health/live`).then(
        (response) => response.status,
        () => 0,
      );
    }
    expect(status).toBe(200);
  });
});
