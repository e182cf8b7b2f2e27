import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { downloadFile } from './download-file';
import { FetchError } from './fetch-error';
import { mirrored, type FetchSettings } from './fetch-settings';
import { catalogRow, type CatalogRow } from './release-catalog';
import { unzipArchive, type UnzipLimits } from './unzip-archive';

export interface ResolveOptions extends FetchSettings {
  progress(line: string): void;
  unzipLimits?: UnzipLimits;
}

/** What the importer reads: local folders or files, and the release when the input named it. */
export interface ResolvedInput {
  paths: string[];
  release: string | null;
}

/** The importers that read a folder; the others read one table file. */
const READS_FOLDER = new Set(['onet', 'esco']);
const TABLE = /\.(xlsx|xls|csv|tsv|txt)$/i;
const key = (text: string) => crypto.createHash('sha256').update(text).digest('hex').slice(0, 16);

async function sha256Of(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The finished file of a folder of the cache (partial files start with a dot), if any. */
function finishedFile(folder: string, name?: string): string | null {
  if (!fs.existsSync(folder)) return null;
  const found = fs.readdirSync(folder).find((entry) => !entry.startsWith('.') && (name === undefined || entry === name));
  return found ? path.join(folder, found) : null;
}

/** Whether a file is a zip archive to unpack: named .zip, or a download without a table's extension that starts as a zip does. */
function isArchive(file: string): boolean {
  if (/\.zip$/i.test(file)) return true;
  if (TABLE.test(file)) return false;
  const head = Buffer.alloc(4);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 4, 0);
  } finally {
    fs.closeSync(fd);
  }
  return head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
}

/** Every file under a folder. */
function filesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Unpacks an archive into the cache, once: `unpacked/<key>/<archive name>/`, the key
 * naming the archive's path, size and time, so a changed archive unpacks again. A
 * folder holding only one folder (O*NET's `db_29_0_text/`) is descended into.
 */
async function unpacked(archive: string, options: ResolveOptions): Promise<string> {
  const stat = fs.statSync(archive);
  const folder = path.join(options.cacheDir, 'unpacked', key(`${fs.realpathSync(archive)} ${stat.size} ${stat.mtimeMs}`));
  let target = path.join(folder, path.basename(archive).replace(/\.zip$/i, ''));
  if (fs.existsSync(target)) options.progress(`using ${target} (unpacked before)`);
  else {
    fs.mkdirSync(folder, { recursive: true });
    options.progress(`unpacking ${archive}`);
    const { files, bytes } = await unzipArchive(archive, target, options.unzipLimits);
    options.progress(`unpacked ${files} files (${(bytes / 1024 / 1024).toFixed(1)} MB) into ${target}`);
  }
  for (;;) {
    const entries = fs.readdirSync(target, { withFileTypes: true }).filter((entry) => entry.name !== '__MACOSX');
    if (entries.length !== 1 || !entries[0]?.isDirectory()) return target;
    target = path.join(target, entries[0].name);
  }
}

/** The table an importer reads from an unpacked archive: the one the row names, else the only table there. */
function tableIn(folder: string, archive: string, row: CatalogRow | undefined): string {
  const tables = filesUnder(folder).filter((file) => TABLE.test(file));
  const named = row?.member ? tables.filter((file) => row.member?.test(path.basename(file))) : [];
  const chosen = named.length === 1 ? named : tables;
  if (chosen.length === 1) return chosen[0] as string;
  throw new FetchError(
    `${archive} holds ${tables.length === 0 ? 'no table' : `several tables (${tables.map((file) => path.relative(folder, file)).join(', ')})`}; ` +
      `pass the one to import: it is unpacked in ${folder}`,
  );
}

/** Checks each pinned file of a fetched release; on a mismatch removes the download and what was unpacked from it. */
async function checkPins(row: CatalogRow, release: string, downloads: string[], paths: string[], options: ResolveOptions): Promise<void> {
  const pins = Object.entries(row.pins[release] ?? {});
  if (pins.length === 0) return;
  const candidates = [...downloads, ...paths.flatMap((local) => (fs.statSync(local).isDirectory() ? filesUnder(local) : [local]))];
  for (const [name, expected] of pins) {
    const file = candidates.find((candidate) => path.basename(candidate) === name);
    const actual = file ? await sha256Of(file) : null;
    if (actual === expected) continue;
    for (const download of downloads) fs.rmSync(download, { force: true });
    for (const local of paths) if (local.startsWith(path.join(options.cacheDir, 'unpacked'))) fs.rmSync(local, { recursive: true, force: true });
    throw new FetchError(
      `${row.taxonomy} ${release}: ${file ? `${name} has SHA-256 ${actual}, not the pinned ${expected}` : `the download lacks ${name}`}: ` +
        'the publisher may have replaced the file. It was removed from the cache and nothing was imported; ' +
        `to import it all the same, pass its address or a downloaded copy instead of the release name (${row.page})`,
    );
  }
  for (const [name] of pins) options.progress(`${row.taxonomy} ${release}: ${name} has the pinned SHA-256`);
}

/** A URL given on the command line: https, or http to this machine (a local mirror). */
async function fromUrl(url: string, options: ResolveOptions): Promise<string> {
  const address = new URL(url);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(address.hostname);
  if (address.protocol !== 'https:' && !(address.protocol === 'http:' && loopback)) throw new FetchError(`${url}: only https:// addresses are fetched (http:// only from this machine)`);
  const folder = path.join(options.cacheDir, 'url', key(address.href));
  const done = finishedFile(folder);
  if (done) {
    options.progress(`using ${done} (downloaded before from ${address.href})`);
    return done;
  }
  return (await downloadFile(address.href, folder, { userAgent: options.userAgent, progress: options.progress })).file;
}

/** The files of a release named on the command line, downloaded into `<cache>/<taxonomy>/<release>/` unless they are there. */
async function fromCatalog(row: CatalogRow, release: string, options: ResolveOptions): Promise<string[]> {
  const files = row.files(release);
  if (files.length === 0) throw new FetchError(row.note ?? `${row.taxonomy} ${release} cannot be fetched by name; get it from ${row.page} and pass its path`);
  const folder = path.join(options.cacheDir, row.taxonomy, release);
  const local: string[] = [];
  for (const file of files) {
    const done = finishedFile(folder, file.name);
    if (done) {
      options.progress(`using ${done} (downloaded before)`);
      local.push(done);
      continue;
    }
    const hint = `Get it from ${row.page} and pass the file's path, or pass its address.`;
    local.push((await downloadFile(mirrored(file.url, options.mirror), folder, { name: file.name, userAgent: options.userAgent, progress: options.progress, hint })).file);
  }
  return local;
}

/**
 * Turns the inputs of `npm run import -- TAXONOMY INPUT...` into what the importer
 * reads. An input is a local folder or file (used as it is), a zip archive as the
 * publisher ships it (unpacked into the cache; for an importer reading one table,
 * the table in it), an https:// address (downloaded into the cache, then as a local
 * file), or a release name from the catalog (`29.0`, `M2024`: its files downloaded
 * from the publisher, or the mirror, into the cache, and their pinned SHA-256
 * checked). A finished download or unpacked archive in the cache is reused without
 * a request; a partial one never is.
 */
export async function resolveImportInput(taxonomy: string, inputs: readonly string[], options: ResolveOptions): Promise<ResolvedInput> {
  const row = catalogRow(taxonomy);
  const paths: string[] = [];
  const downloads: string[] = [];
  let release: string | null = null;
  let fetched: string | null = null;
  for (const input of inputs) {
    let files: string[];
    if (/^[a-z]+:\/\//i.test(input)) files = [await fromUrl(input, options)];
    else if (fs.existsSync(input)) files = [input];
    else if (row && row.releases.test(input)) {
      files = await fromCatalog(row, input, options);
      downloads.push(...files);
      fetched = input;
      if (row.citesRelease) release = input;
    } else if (input.includes('/') || input.includes(path.sep) || TABLE.test(input) || /\.zip$/i.test(input)) {
      files = [input]; // The importer says it is missing.
    } else {
      throw new FetchError(
        `${input}: no such folder or file${row ? `, and not a release name of ${taxonomy} (e.g. ${row.example}; see docs/importing.md)` : ''}; pass a folder, a file, a zip archive or an https:// address`,
      );
    }
    for (const file of files) {
      if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile() || !isArchive(file)) paths.push(file);
      else {
        const folder = await unpacked(file, options);
        paths.push(READS_FOLDER.has(taxonomy) ? folder : tableIn(folder, file, row));
      }
    }
  }
  if (row && fetched) await checkPins(row, fetched, downloads, paths, options);
  return { paths, release };
}
