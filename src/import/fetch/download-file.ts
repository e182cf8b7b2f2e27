import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { parse as parseContentDisposition } from 'content-disposition';
import { FetchError } from './fetch-error';
import { removeAbandoned } from './remove-abandoned';

export interface DownloadOptions {
  /** The file's name in the folder; unset: the response's Content-Disposition name, else the URL's last segment. */
  name?: string;
  /** Sent with every request; publishers such as the BLS refuse clients that do not say who they are. */
  userAgent: string;
  /** A larger body is refused (before reading it when the server announces its length). Defaults to 2 GiB. */
  maxBytes?: number;
  /** Give up when no response arrives within this many milliseconds. Defaults to 60,000. */
  responseTimeoutMs?: number;
  /** Give up when no byte of the body arrives for this many milliseconds. Defaults to 60,000. */
  idleTimeoutMs?: number;
  /** How often a progress line is written. Defaults to 5,000 ms. */
  progressEveryMs?: number;
  /** Said after an HTTP error: where else to get the file. */
  hint?: string;
  progress(line: string): void;
}

export interface Downloaded {
  file: string;
  bytes: number;
  sha256: string;
}

const MB = 1024 * 1024;
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

/** The name to store a download under: the server's Content-Disposition name or the URL's last segment, reduced to a plain file name. */
function fileName(url: URL, header: string | null): string {
  let name = '';
  try {
    if (header) name = parseContentDisposition(header).parameters.filename ?? '';
  } catch {
    // A malformed header: fall back on the URL.
  }
  if (!name) name = decodeURIComponent(url.pathname.split('/').pop() ?? '');
  name = path.basename(name.replaceAll('\\', '/')).replace(/^\.+/, '');
  return name || 'download';
}

/** The innermost message of a fetch error ("connect ECONNREFUSED ...", "other side closed"), read by shape: fetch's errors come from Node's own realm. */
function causeOf(error: unknown): string {
  const outer = error as { message?: unknown; cause?: { message?: unknown } } | null;
  return String(outer?.cause?.message ?? outer?.message ?? error);
}

function httpError(url: URL, status: number, statusText: string, hint: string): FetchError {
  const what = `${url.href}: HTTP ${status} ${statusText}`.trim();
  if (status === 403) {
    return new FetchError(
      `${what}: ${url.host} refused the download. Some publishers (the BLS among them) refuse clients they take for robots: ` +
        `set CAREERS_GRAPH_USER_AGENT to a string naming you and an e-mail address and run the command again, or download the file in a browser and pass its path. ${hint}`.trim(),
    );
  }
  if (status === 404 || status === 410) return new FetchError(`${what}: the publisher does not have it there (moved or renamed?). ${hint}`.trim());
  return new FetchError(`${what}. ${hint}`.trim());
}

/**
 * Downloads `url` into `folder` with Node's fetch, streaming the body to a partial
 * file (`.download-<pid>-<random>.partial`) that is renamed to its name only when the
 * whole body has arrived: its length as announced, under `maxBytes`, with no stall
 * longer than `idleTimeoutMs`. On any failure the partial file is removed, so a file
 * of the folder is always whole. Writes a progress line every few seconds and one at
 * the end with the SHA-256. Errors are FetchErrors saying what to do.
 */
export async function downloadFile(url: string, folder: string, options: DownloadOptions): Promise<Downloaded> {
  const { maxBytes = 2 * 1024 * MB, responseTimeoutMs = 60_000, idleTimeoutMs = 60_000, progressEveryMs = 5_000, hint = '' } = options;
  const address = new URL(url);
  fs.mkdirSync(folder, { recursive: true });
  removeAbandoned(folder, /^\.download-(\d+)-[0-9a-f]+\.partial$/);
  const partial = path.join(folder, `.download-${process.pid}-${crypto.randomBytes(4).toString('hex')}.partial`);
  const controller = new AbortController();
  let stopped: FetchError | null = null;
  const stop = (error: FetchError) => {
    stopped = error;
    controller.abort(error);
  };
  let timer = setTimeout(() => stop(new FetchError(`${address.href}: no response from ${address.host} within ${responseTimeoutMs / 1000} s; try again later`)), responseTimeoutMs);
  const started = performance.now();
  let bytes = 0;
  let total: number | null = null;
  try {
    options.progress(`downloading ${address.href}`);
    let response: Response;
    try {
      // identity: the announced length is then the file's, and the file is stored as the publisher serves it.
      response = await fetch(address, { headers: { 'user-agent': options.userAgent, 'accept-encoding': 'identity' }, redirect: 'follow', signal: controller.signal });
    } catch (error) {
      if (stopped) throw stopped;
      throw new FetchError(`${address.href}: cannot reach ${address.host} (${causeOf(error)}); check the connection, or download the file in a browser and pass its path`);
    }
    if (!response.ok || !response.body) throw httpError(address, response.status, response.statusText, hint);
    const length = response.headers.get('content-length');
    total = length && !response.headers.get('content-encoding') ? Number(length) : null;
    if (total !== null && total > maxBytes) throw new FetchError(`${address.href}: ${total} bytes, over the limit of ${maxBytes}; refusing to download it`);
    const name = options.name ?? fileName(new URL(response.url || address.href), response.headers.get('content-disposition'));

    const hash = crypto.createHash('sha256');
    let lastReport = performance.now();
    const restartIdle = () => {
      clearTimeout(timer);
      timer = setTimeout(() => stop(new FetchError(`${address.href}: the download stalled (no data for ${idleTimeoutMs / 1000} s after ${bytes} bytes); nothing was kept, run the command again`)), idleTimeoutMs);
    };
    restartIdle();
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes > maxBytes) {
          done(new FetchError(`${address.href}: more than ${maxBytes} bytes, the limit; refusing to download it`));
          return;
        }
        hash.update(chunk);
        restartIdle();
        if (performance.now() - lastReport >= progressEveryMs) {
          lastReport = performance.now();
          options.progress(`  ${name}: ${megabytes(bytes)}${total ? ` of ${megabytes(total)} (${Math.floor((100 * bytes) / total)}%)` : ''}`);
        }
        done(null, chunk);
      },
    });
    try {
      await pipeline(Readable.fromWeb(response.body as ReadableStream<Uint8Array>), meter, fs.createWriteStream(partial, { flags: 'wx' }));
    } catch (error) {
      if (stopped) throw stopped;
      if (error instanceof FetchError) throw error;
      throw new FetchError(`${address.href}: the download broke off after ${bytes}${total ? ` of ${total}` : ''} bytes (${causeOf(error)}); nothing was kept, run the command again`);
    }
    if (total !== null && bytes !== total) {
      throw new FetchError(`${address.href}: the body ended after ${bytes} of the ${total} bytes announced (cut short); nothing was kept, run the command again`);
    }
    const file = path.join(folder, name);
    fs.renameSync(partial, file);
    const sha256 = hash.digest('hex');
    options.progress(`downloaded ${name}: ${megabytes(bytes)} in ${((performance.now() - started) / 1000).toFixed(1)} s, SHA-256 ${sha256}`);
    return { file, bytes, sha256 };
  } finally {
    clearTimeout(timer);
    fs.rmSync(partial, { force: true });
  }
}
