import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yazl from 'yazl';
import { pipeline } from 'node:stream/promises';
import { writeZip } from '../../../test/support/write-zip';
import { unzipArchive } from './unzip-archive';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unzip-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The names in the scratch folder: after a refusal, only the archive itself. */
const leftovers = () => fs.readdirSync(dir).sort();

/** Rewrites every occurrence of `from` in the archive's bytes (names sit in two headers each). */
function patch(file: string, from: string, to: string): void {
  const bytes = fs.readFileSync(file);
  const needle = Buffer.from(from);
  let at = bytes.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  while (at >= 0) {
    Buffer.from(to).copy(bytes, at);
    at = bytes.indexOf(needle, at + 1);
  }
  fs.writeFileSync(file, bytes);
}

it('unpacks every file and folder of an archive into the target, byte for byte', async () => {
  const occupations = 'O*NET-SOC Code\tTitle\n27-4014.00\tSound Engineering Technicians\n';
  const zip = await writeZip(path.join(dir, 'db_29_0_text.zip'), [
    { name: 'db_29_0_text/Occupation Data.txt', data: occupations },
    { name: 'db_29_0_text/Read Me.txt', data: 'x'.repeat(100_000) },
  ]);
  const target = path.join(dir, 'db_29_0_text');
  expect(await unzipArchive(zip, target)).toEqual({ files: 2, bytes: 100_000 + Buffer.byteLength(occupations) });
  expect(fs.readFileSync(path.join(target, 'db_29_0_text', 'Occupation Data.txt'), 'utf8')).toContain('Sound Engineering Technicians');
  expect(fs.statSync(path.join(target, 'db_29_0_text', 'Read Me.txt')).size).toBe(100_000);
  expect(leftovers()).toEqual(['db_29_0_text', 'db_29_0_text.zip']);
});

it('removes the temporary folder a killed run left beside the target', async () => {
  const zip = await writeZip(path.join(dir, 'db.zip'), [{ name: 'a.txt', data: 'a' }]);
  fs.mkdirSync(path.join(dir, '.db.2147483646-0badc0de.partial', 'half'), { recursive: true });
  await unzipArchive(zip, path.join(dir, 'db'));
  expect(leftovers()).toEqual(['db', 'db.zip']);
});

it('refuses an entry whose path climbs out of the folder, leaving nothing behind', async () => {
  const zip = await writeZip(path.join(dir, 'evil.zip'), [
    { name: 'ok.txt', data: 'fine' },
    { name: 'aa/evil.txt', data: 'escaped' },
  ]);
  patch(zip, 'aa/evil.txt', '../evil.txt');
  await expect(unzipArchive(zip, path.join(dir, 'out', 'evil'))).rejects.toThrow(/evil\.zip.*\.\./);
  expect(fs.existsSync(path.join(dir, 'out', 'evil'))).toBe(false);
  expect(fs.existsSync(path.join(dir, 'out', 'evil.txt'))).toBe(false);
  expect(fs.existsSync(path.join(dir, 'evil.txt'))).toBe(false);
});

it('refuses an archive that unpacks to more than the limit (a zip bomb in miniature) before writing anything', async () => {
  const zip = await writeZip(path.join(dir, 'bomb.zip'), [{ name: 'zeros', data: Buffer.alloc(1_000_000) }]);
  expect(fs.statSync(zip).size).toBeLessThan(10_000);
  await expect(unzipArchive(zip, path.join(dir, 'bomb'), { maxBytes: 100_000, maxEntries: 10 })).rejects.toThrow(/more than 100000 bytes/);
  await expect(unzipArchive(zip, path.join(dir, 'bomb'), { maxBytes: 10_000_000, maxEntries: 0 })).rejects.toThrow(/1 entries, over the limit of 0/);
  expect(leftovers()).toEqual(['bomb.zip']);
});

it('refuses a damaged entry (CRC-32 mismatch), leaving nothing behind', async () => {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from('first file, intact'), 'a.txt', { compress: false });
  zip.addBuffer(Buffer.from('second file, about to be damaged'), 'b.txt', { compress: false });
  zip.end();
  const file = path.join(dir, 'damaged.zip');
  await pipeline(zip.outputStream, fs.createWriteStream(file));
  patch(file, 'about to be', 'ABOUT TO BE');
  await expect(unzipArchive(file, path.join(dir, 'damaged'))).rejects.toThrow(/b\.txt: CRC-32 mismatch/);
  expect(leftovers()).toEqual(['damaged.zip']);
});

it('refuses a symbolic link entry', async () => {
  const zip = await writeZip(path.join(dir, 'link.zip'), [{ name: 'passwd', data: '/etc/passwd', mode: 0o120777 }]);
  await expect(unzipArchive(zip, path.join(dir, 'link'))).rejects.toThrow(/symbolic link/);
  expect(leftovers()).toEqual(['link.zip']);
});

it('says so when the file is not a zip archive', async () => {
  const file = path.join(dir, 'page.zip');
  fs.writeFileSync(file, '<html>Access Denied</html>');
  await expect(unzipArchive(file, path.join(dir, 'page'))).rejects.toThrow(/page\.zip: not a zip archive, or a damaged one/);
  expect(leftovers()).toEqual(['page.zip']);
});
