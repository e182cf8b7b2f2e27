import fs from 'node:fs';
import { Sema } from 'async-sema';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { escoId, importEsco, skillGroupId } from '../../src/import/esco/esco-import';
import { importOnet, occupationId } from '../../src/import/onet/onet-import';
import { expectNoErrors } from '../support/expect-graphql-error';
import { describeNeeding } from '../support/outside-repo';
import { realData, unpackRealData } from '../support/real-data';
import { readTsv } from '../support/read-tsv';
import { startTestApi, type TestApi } from '../integration/test-api';
import { REALDATA_URI_VARIABLE } from './global-setup';
import { DEFAULT_BATCH_SIZE } from '../../src/import/import-run';

const ENGLISH = 'ESCO dataset - v1.1.1 - classification - en - csv';
const quietly = { batchSize: DEFAULT_BATCH_SIZE, restart: false, progress: () => undefined };

/**
 * `ask` over every item, four requests in flight at once (the answers do not depend on
 * the order), in the items' order: a thousand searches one after another left the
 * second core idle.
 */
async function fourAtATime<T, R>(items: readonly T[], ask: (item: T) => Promise<R>): Promise<R[]> {
  const slots = new Sema(4);
  return Promise.all(
    items.map(async (item) => {
      await slots.acquire();
      try {
        return await ask(item);
      } finally {
        slots.release();
      }
    }),
  );
}

type Hit = { kind: string; name: string; score: number; node: { id: string } };

/**
 * Search as a person expects it (issue 17), on the whole of O*NET 29.0 and ESCO
 * v1.1.1 beside the curated graph. What each search should find first is read from
 * the published files here, independently of the importers.
 */
describeNeeding(realData, 'search on O*NET 29.0 and ESCO v1.1.1 (issue 17)', () => {
  let api: TestApi;
  let onet: Record<string, string>[];
  let alternates: Record<string, string>[];
  let escoRoot: string;
  const csv = (file: string) => parseCsv(fs.readFileSync(path.join(escoRoot, ENGLISH, file), 'utf8'), { columns: true }) as Record<string, string>[];

  beforeAll(async () => {
    api = await startTestApi(process.env[REALDATA_URI_VARIABLE]);
    // Whichever file of the suite runs first imports the releases; loading one again reads only its checkpoints.
    const dir = unpackRealData('onet-29.0/db_29_0_text');
    escoRoot = unpackRealData('esco-1.1.1');
    await importOnet(api.database, { ...quietly, dir, release: '29.0', minImportance: 3 });
    await importEsco(api.database, { ...quietly, dirs: [escoRoot], release: '1.1.1' });
    onet = readTsv(path.join(dir, 'Occupation Data.txt'));
    alternates = readTsv(path.join(dir, 'Alternate Titles.txt'));
  }, 1_800_000);
  afterAll(() => api?.close());

  const search = async (text: string, first = 10): Promise<Hit[]> => {
    const response = await api.query<{ search: Hit[] }>('query ($text: String!, $first: Int) { search(text: $text, first: $first) { kind name score node { id } } }', {
      text,
      first,
    });
    expectNoErrors(response);
    return response.data?.search ?? [];
  };
  const firstOf = async (text: string) => (await search(text, 1))[0]?.node.id;

  it('finds Registered Nurses (29-1141.00) in the top 3 for "nurse"', async () => {
    const hits = await search('nurse');
    const rank = hits.findIndex((hit) => hit.node.id === occupationId('29-1141.00')) + 1;
    process.stdout.write(`"nurse": Registered Nurses at rank ${rank}\n`);
    expect(rank).toBeGreaterThanOrEqual(1);
    expect(rank).toBeLessThanOrEqual(3);
  });

  it('finds every O*NET occupation first by its title', async () => {
    expect(onet.length).toBe(1016);
    const found = await fourAtATime(onet, async (row) => ({ text: row.Title, first: await firstOf(row.Title as string) }));
    expect(found).toEqual(onet.map((row) => ({ text: row.Title, first: occupationId(row['O*NET-SOC Code'] as string) })));
  }, 300_000);

  it('finds an O*NET occupation by an alternate title of its own in the top 3, and first unless another node is called so too', async () => {
    const owners = new Map<string, Set<string>>();
    for (const row of alternates) {
      const title = (row['Alternate Title'] as string).toLowerCase();
      owners.set(title, (owners.get(title) ?? new Set()).add(row['O*NET-SOC Code'] as string));
    }
    // Every fifth occupation's first alternate title that no other occupation lists.
    const probes = onet
      .filter((_row, index) => index % 5 === 0)
      .flatMap((row) => {
        const own = alternates.find((alternate) => alternate['O*NET-SOC Code'] === row['O*NET-SOC Code'] && owners.get((alternate['Alternate Title'] as string).toLowerCase())?.size === 1);
        return own ? [{ text: own['Alternate Title'] as string, id: occupationId(row['O*NET-SOC Code'] as string) }] : [];
      });
    expect(probes.length).toBeGreaterThan(150);
    let first = 0;
    for (const { text, id } of probes) {
      const rank = (await search(text, 3)).findIndex((hit) => hit.node.id === id) + 1;
      expect({ text, inTop3: rank >= 1 }).toEqual({ text, inTop3: true });
      if (rank === 1) first += 1;
    }
    // Those not first follow an ESCO occupation named so (Architect) or another node with the same alias.
    process.stdout.write(`O*NET alternate titles of one occupation: ${first} of ${probes.length} first\n`);
    expect(first / probes.length).toBeGreaterThan(0.9);
  }, 300_000);

  it('finds an O*NET occupation first by its O*NET-SOC code, and the SOC occupation (.00) first by its SOC code', async () => {
    for (const row of onet.filter((_row, index) => index % 4 === 0)) {
      const code = row['O*NET-SOC Code'] as string;
      expect({ code, first: await firstOf(code) }).toEqual({ code, first: occupationId(code) });
      if (code.endsWith('.00')) expect({ code: code.slice(0, 7), first: await firstOf(code.slice(0, 7)) }).toEqual({ code: code.slice(0, 7), first: occupationId(code) });
    }
  }, 300_000);

  it('finds an ESCO occupation first by its ESCO code, and an ISCO-08 group first by its code, its occupations next', async () => {
    const occupations = csv('occupations_en.csv');
    for (const row of occupations.filter((_row, index) => index % 10 === 0)) {
      expect({ code: row.code, first: await firstOf(row.code as string) }).toEqual({ code: row.code, first: escoId(row.conceptUri as string) });
    }
    const hits = await search('2221');
    expect(hits[0]).toMatchObject({ kind: 'OCCUPATION_GROUP', node: { id: 'isco-2221' } });
    const nursing = new Set(occupations.filter((row) => row.iscoGroup === '2221').map((row) => escoId(row.conceptUri as string)));
    expect(hits.slice(1, 1 + Math.min(nursing.size, 9)).every((hit) => nursing.has(hit.node.id))).toBe(true);
  }, 300_000);

  it('finds every ISCO-08 group and every ESCO skill group with a code first by its code', async () => {
    // A skill group's code: its own, or an ISCED-F field's number (isced-f/0211). It is read only from a text with a
    // digit (S1.2, 0211; not S alone).
    const skillGroups = csv('skillGroups_en.csv')
      .map((row) => ({ id: skillGroupId(row.conceptUri as string), code: row.code || (/isced-f\/(\d+)$/.exec(row.conceptUri as string)?.[1] ?? '') }))
      .filter((group) => /\d/.test(group.code));
    const iscoGroups = csv('ISCOGroups_en.csv').map((row) => ({ id: `isco-${row.code}`, code: row.code as string }));
    expect(iscoGroups.length).toBe(619);
    expect(skillGroups.length).toBeGreaterThan(416);
    // A code both an ISCO-08 group and an ISCED-F field carry (01: Armed forces occupations, Education) finds both first.
    const byCode = new Map<string, string[]>();
    for (const group of [...iscoGroups, ...skillGroups]) byCode.set(group.code, [...(byCode.get(group.code) ?? []), group.id]);
    const found = await fourAtATime([...byCode], async ([code, ids]) => ({ code, found: (await search(code, ids.length)).map((hit) => hit.node.id).sort() }));
    expect(found).toEqual([...byCode].map(([code, ids]) => ({ code, found: [...ids].sort() })));
    process.stdout.write(`group codes: ${byCode.size}, ${[...byCode.values()].filter((ids) => ids.length > 1).length} of them shared by two groups\n`);
  }, 300_000);
});
