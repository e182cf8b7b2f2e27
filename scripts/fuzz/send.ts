import http from 'node:http';
import type { ReceivedResponse } from './judge';

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Sent as given: a string as UTF-8 (lone surrogates become U+FFFD), bytes as they are. */
  body?: string | Uint8Array;
}

/** Reuses connections, like a real client; a few sockets so requests overlap. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/**
 * Sends one request over plain HTTP (node:http rather than fetch, so bodies, methods
 * and headers go out exactly as built) and reads the whole answer. Never throws: a
 * refused, reset or timed-out connection is a response with status 0.
 */
export function send(baseUrl: string, request: RawRequest, timeoutMs = 30_000): Promise<ReceivedResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (response: ReceivedResponse) => {
      if (!settled) {
        settled = true;
        resolve(response);
      }
    };
    const outgoing = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path: request.path,
        // An explicit length, so every method frames its body the same way.
        headers: request.body === undefined ? request.headers : { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
        agent,
        timeout: timeoutMs,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          finish({
            status: incoming.statusCode ?? 0,
            contentType: String(incoming.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
            ...(incoming.headers['retry-after'] === undefined ? {} : { retryAfter: String(incoming.headers['retry-after']) }),
          }),
        );
        incoming.on('error', (error) => finish({ status: 0, contentType: '', body: '', failure: error.message }));
      },
    );
    outgoing.on('timeout', () => {
      outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`));
    });
    outgoing.on('error', (error) => finish({ status: 0, contentType: '', body: '', failure: error.message }));
    if (request.body !== undefined) outgoing.write(request.body);
    outgoing.end();
  });
}

/** Runs `work` over every item with at most `concurrency` at once, in order of start. */
export async function pool<T>(items: Iterable<T>, concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  const iterator = items[Symbol.iterator]();
  let index = 0;
  const worker = async () => {
    for (;;) {
      const next = iterator.next();
      if (next.done) return;
      const current = index;
      index += 1;
      await work(next.value, current);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Closes the kept-alive sockets so the process can exit. */
export function closeConnections(): void {
  agent.destroy();
}
