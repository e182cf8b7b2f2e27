import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';

/** One entry of a zip the tests build: its path in the archive and its bytes (or a file to read them from). */
export interface ZipEntry {
  name: string;
  data?: Buffer | string;
  file?: string;
  /** Unix mode with type bits, e.g. 0o120777 for a symbolic link. */
  mode?: number;
}

/** Writes a zip archive with yazl, deflating every entry, as the publishers' archives are. */
export async function writeZip(target: string, entries: readonly ZipEntry[]): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    const options = entry.mode === undefined ? {} : { mode: entry.mode };
    if (entry.file) zip.addFile(entry.file, entry.name, options);
    else zip.addBuffer(Buffer.from(entry.data ?? ''), entry.name, options);
  }
  zip.end();
  await pipeline(zip.outputStream, fs.createWriteStream(target));
  return target;
}
