import path from 'node:path';
import type { Database } from '../../src/database/database';
import { importEscoOnetCrosswalk } from '../../src/import/crosswalk/esco-onet-import';
import { importEsco } from '../../src/import/esco/esco-import';
import { DEFAULT_BATCH_SIZE } from '../../src/import/import-run';
import { importOnet } from '../../src/import/onet/onet-import';
import { realData, unpackRealData } from '../../test/support/real-data';

/** Where the O*NET 29.0 text files are, unpacked into .realdata/ on first use. */
export function onetRelease(): string {
  return path.join(unpackRealData('onet-29.0'), 'db_29_0_text');
}

/**
 * Imports the real releases the evaluation and the benchmark run on: O*NET 29.0 (its
 * text files), ESCO v1.1.1 (the English and the language-independent folders) and
 * O*NET's ESCO to O*NET-SOC crosswalk, unpacked from ../shared/realdata (or
 * CAREERS_REALDATA_DIR) into the git-ignored .realdata/. An import that finished
 * earlier on the same files is skipped by the importer itself, so a second run only
 * checks. The importer rebuilds the kept role neighbours after each import that
 * changed anything.
 */
export async function importRealReleases(database: Database, log: (line: string) => void): Promise<void> {
  if (!realData.available) throw new Error(`no ${realData.what}: ${realData.howToGet}`);
  const onet = onetRelease();
  const esco = unpackRealData('esco-1.1.1');
  const crosswalk = unpackRealData('crosswalks/ESCO_to_ONET-SOC.xlsx');
  await importOnet(database, { dir: onet, release: '29.0', minImportance: 3, batchSize: DEFAULT_BATCH_SIZE, restart: false, progress: log });
  await importEsco(database, { dirs: [esco], release: '1.1.1', batchSize: DEFAULT_BATCH_SIZE, restart: false, progress: log });
  await importEscoOnetCrosswalk(database, { file: crosswalk, batchSize: DEFAULT_BATCH_SIZE, restart: false, progress: log });
}
