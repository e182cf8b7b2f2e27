/**
 * Where generated lines go. Generators write through a RowSink, so the same
 * code streams to files (the CLI) or to memory (tests); a sink's write returns
 * a promise only when the caller must wait (the file stream is full), so that
 * a million rows cost no million awaits.
 */
import fs from 'node:fs';

export interface RowSink {
  /** Writes text; when it returns a promise, await it before writing more. */
  write(text: string): void | Promise<void>;
  close(): Promise<void>;
  /** Bytes written so far (UTF-8). */
  readonly bytes: number;
}

export type OpenSink = (file: string) => RowSink;

const CHUNK = 1 << 18; // 256 KiB of text per stream write

/** Streams to a file in large chunks, honouring the stream's backpressure. */
export class FileSink implements RowSink {
  private readonly stream: fs.WriteStream;
  private pending: string[] = [];
  private pendingLength = 0;
  private written = 0;
  private failure: Error | null = null;

  constructor(readonly path: string) {
    this.stream = fs.createWriteStream(path, { encoding: 'utf8' });
    this.stream.on('error', (error) => {
      this.failure = error;
    });
  }

  get bytes(): number {
    return this.written + Buffer.byteLength(this.pending.join(''));
  }

  write(text: string): void | Promise<void> {
    if (this.failure) throw this.failure;
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= CHUNK) return this.flush();
  }

  private flush(): void | Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    this.written += Buffer.byteLength(chunk);
    if (!this.stream.write(chunk)) {
      return new Promise((resolve, reject) => {
        const onDrain = () => {
          this.stream.off('error', onError);
          resolve();
        };
        const onError = (error: Error) => {
          this.stream.off('drain', onDrain);
          reject(error);
        };
        this.stream.once('drain', onDrain);
        this.stream.once('error', onError);
      });
    }
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
    if (this.failure) throw this.failure;
  }
}

/** Keeps everything in memory: for tests at small scale. */
export class MemorySink implements RowSink {
  private parts: string[] = [];
  private length = 0;

  get bytes(): number {
    return this.length;
  }

  write(text: string): void {
    this.parts.push(text);
    this.length += Buffer.byteLength(text);
  }

  async close(): Promise<void> {}

  text(): string {
    return this.parts.join('');
  }
}

/** Opens MemorySinks and keeps them by file name. */
export function memorySinks(): { open: OpenSink; files: Map<string, MemorySink> } {
  const files = new Map<string, MemorySink>();
  return {
    files,
    open: (file) => {
      const sink = new MemorySink();
      files.set(file, sink);
      return sink;
    },
  };
}
