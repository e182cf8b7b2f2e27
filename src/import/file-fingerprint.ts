import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** A file's size and the SHA-256 of its bytes, as `sha256:<hex>`. */
export interface FileFingerprint {
  size: number;
  digest: string;
}

/** What one read of a file tells: its fingerprint, and the first line that is not valid UTF-8 (null when all is). */
export interface FileInspection {
  fingerprint: FileFingerprint;
  invalidUtf8Line: number | null;
}

/**
 * Reads a file once as a stream: hashes it with node:crypto's SHA-256 and checks
 * that it is valid UTF-8 with a fatal TextDecoder in streaming mode (so a character
 * split between two chunks is judged whole). Memory stays flat whatever the size;
 * only a file found invalid is read again, whole, to name its first bad line.
 */
export async function inspectFile(file: string): Promise<FileInspection> {
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let size = 0;
  let valid = true;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
    if (valid) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        valid = false;
      }
    }
  }
  if (valid) {
    try {
      decoder.decode();
    } catch {
      valid = false;
    }
  }
  return { fingerprint: { size, digest: `sha256:${hash.digest('hex')}` }, invalidUtf8Line: valid ? null : firstInvalidLine(fs.readFileSync(file)) };
}

/** The number (1-based) of the first line of `bytes` that is not valid UTF-8. */
function firstInvalidLine(bytes: Buffer): number {
  let start = 0;
  for (let line = 1; ; line += 1) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end < 0 ? bytes.length : end;
    if (!isUtf8(bytes.subarray(start, stop))) return line;
    if (end < 0) return line;
    start = end + 1;
  }
}
