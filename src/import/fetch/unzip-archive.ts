import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import yauzl, { type Entry } from 'yauzl';
import { FetchError } from './fetch-error';
import { removeAbandoned } from './remove-abandoned';

/** What an archive may hold once unpacked. */
export interface UnzipLimits {
  /** The most bytes all entries may hold together, as their central directory declares them. Defaults to 8 GiB. */
  maxBytes: number;
  /** The most entries. Defaults to 100,000. */
  maxEntries: number;
}

/** The published releases unpack to a few hundred MB (O*NET's text release) at most. */
export const DEFAULT_UNZIP_LIMITS: UnzipLimits = { maxBytes: 8 * 1024 ** 3, maxEntries: 100_000 };

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/**
 * Passes an entry's bytes through while computing their CRC-32, and fails at the end
 * when it differs from the one the archive records. yauzl reads the CRC-32 but does not
 * check it (its README, "No CRC-32 Checking"); zlib.crc32 (Node 20.15) does the sum.
 */
function crcCheck(entry: Entry): Transform {
  let crc = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      crc = zlib.crc32(chunk, crc);
      done(null, chunk);
    },
    flush(done) {
      done(crc >>> 0 === entry.crc32 >>> 0 ? null : new Error(`${entry.fileName}: CRC-32 mismatch, the archive is damaged`));
    },
  });
}

/** The entries of the archive, each checked for a safe name and no link, and all of them against the limits. */
async function checkedEntries(zip: yauzl.ZipFile, name: string, limits: UnzipLimits): Promise<Entry[]> {
  if (zip.entryCount > limits.maxEntries) throw new FetchError(`${name} holds ${zip.entryCount} entries, over the limit of ${limits.maxEntries}; refusing to unpack it`);
  const entries: Entry[] = [];
  let total = 0;
  for await (const entry of zip.eachEntry()) {
    if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) throw new FetchError(`${name}: entry "${entry.fileName}" is a symbolic link; refusing to unpack it`);
    total += entry.uncompressedSize;
    if (total > limits.maxBytes) {
      throw new FetchError(`${name} unpacks to more than ${limits.maxBytes} bytes (the limit); refusing to unpack it (a damaged archive or a zip bomb)`);
    }
    entries.push(entry);
  }
  return entries;
}

/**
 * Unpacks a zip archive into `target`, a folder that must not exist yet, atomically:
 * the entries are written into a temporary sibling folder, renamed to `target` only
 * when every entry is written and checked; on any failure the temporary folder is
 * removed, so `target` holds the whole archive or does not exist. yauzl reads the
 * archive (streaming each entry; it refuses absolute paths, `..` segments and
 * backslashes, and entries whose size differs from the one declared); this function
 * also keeps every path inside the folder, refuses symbolic links, bounds the total
 * size and the entry count before writing anything, and checks each entry's CRC-32.
 * Returns the number of files and bytes written.
 */
export async function unzipArchive(archive: string, target: string, limits: UnzipLimits = DEFAULT_UNZIP_LIMITS): Promise<{ files: number; bytes: number }> {
  const name = path.basename(archive);
  removeAbandoned(path.dirname(target), /^\..+\.(\d+)-[0-9a-f]+\.partial$/);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.partial`);
  let zip: yauzl.ZipFile | undefined;
  try {
    try {
      zip = await yauzl.openPromise(archive, { lazyEntries: true, autoClose: false, strictFileNames: true });
    } catch (error) {
      throw new FetchError(`${name}: not a zip archive, or a damaged one (${error instanceof Error ? error.message : String(error)}); get it again`);
    }
    const entries = await checkedEntries(zip, name, limits);
    fs.mkdirSync(temporary, { recursive: true });
    let files = 0;
    let bytes = 0;
    for (const entry of entries) {
      const destination = path.resolve(temporary, entry.fileName);
      if (!destination.startsWith(temporary + path.sep)) throw new FetchError(`${name}: entry "${entry.fileName}" would be written outside the folder; refusing to unpack it`);
      if (entry.fileName.endsWith('/')) {
        fs.mkdirSync(destination, { recursive: true });
        continue;
      }
      fs.mkdirSync(path.dirname(destination), { recursive: true });
      await pipeline(await zip.openReadStreamPromise(entry), crcCheck(entry), fs.createWriteStream(destination, { flags: 'wx' }));
      files += 1;
      bytes += entry.uncompressedSize;
    }
    fs.renameSync(temporary, target);
    return { files, bytes };
  } catch (error) {
    fs.rmSync(temporary, { recursive: true, force: true });
    if (error instanceof FetchError) throw error;
    throw new FetchError(`${name}: cannot be unpacked (${error instanceof Error ? error.message : String(error)}); get it again. Nothing was unpacked`);
  } finally {
    zip?.close();
  }
}
