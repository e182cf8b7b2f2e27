import path from 'node:path';
import { buildSchema, isInterfaceType, isObjectType } from 'graphql';
import { importIscoSocCrosswalk } from '../../src/import/crosswalk/isco-soc-import';
import { importEscoOnetCrosswalk } from '../../src/import/crosswalk/esco-onet-import';
import { importEsco } from '../../src/import/esco/esco-import';
import { importOnet } from '../../src/import/onet/onet-import';
import { loadTypeDefs } from '../../src/graphql/load-type-defs';
import { fieldCosts } from '../../src/server/schema-directives';
import { expectNoErrors } from '../support/expect-graphql-error';
import { readTsv } from '../support/read-tsv';
import { describeNeeding } from '../support/outside-repo';
import { realData, unpackRealData } from '../support/real-data';
import { DEEP_QUERIES_COST_LIMIT, startTestApi, type TestApi } from '../integration/test-api';
import { REALDATA_URI_VARIABLE } from './global-setup';
import { DEFAULT_BATCH_SIZE } from '../../src/import/import-run';

const quietly = { batchSize: DEFAULT_BATCH_SIZE, restart: false, progress: () => undefined };

/** Every `@listSize(assumedSize:)` of the schema, by the node type declaring it; types that are not nodes apart. */
function assumedSizes(): { byType: Map<string, Map<string, number>>; notNodes: string[]; viaAssumed: number } {
  const schema = buildSchema(loadTypeDefs());
  const node = schema.getType('Node');
  const byType = new Map<string, Map<string, number>>();
  const notNodes: string[] = [];
  let viaAssumed = 0;
  const costs = fieldCosts(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const size = costs.get(field)?.assumedSize;
      if (size === undefined) continue;
      if (!isInterfaceType(node) || !type.getInterfaces().includes(node)) {
        notNodes.push(`${type.name}.${field.name}`);
        if (type.name === 'EquivalentFigures' && field.name === 'via') viaAssumed = size;
        continue;
      }
      const fields = byType.get(type.name) ?? new Map<string, number>();
      fields.set(field.name, size);
      byType.set(type.name, fields);
    }
  }
  return { byType, notNodes, viaAssumed };
}

/**
 * The cost estimate counts a list without `first` as long as its `@listSize`, the
 * most it holds on the real releases: an estimate under that would let a query
 * through that costs more than it was charged to start. This holds the releases to
 * it. The nodes most likely to have the longest lists are found without knowing
 * which relationships each list follows: for every label, relationship type and
 * direction, the nodes with the most such relationships; the API is then asked for
 * every sized list of each.
 */
describeNeeding(realData, "the lists' assumed sizes against O*NET 29.0, ESCO v1.1.1 and their crosswalks", () => {
  let api: TestApi;
  beforeAll(async () => {
    // A raised cost limit: the query below asks for every sized list of a node at once.
    api = await startTestApi(process.env[REALDATA_URI_VARIABLE], { maxCost: DEEP_QUERIES_COST_LIMIT });
    // Whichever file of the suite runs first imports the releases; loading one again reads only its checkpoints.
    await importOnet(api.database, { ...quietly, dir: unpackRealData('onet-29.0/db_29_0_text'), release: '29.0', minImportance: 3 });
    await importEsco(api.database, { ...quietly, dirs: [unpackRealData('esco-1.1.1')], release: '1.1.1' });
    await importEscoOnetCrosswalk(api.database, { ...quietly, file: unpackRealData('crosswalks/ESCO_to_ONET-SOC.xlsx') });
    await importIscoSocCrosswalk(api.database, { ...quietly, files: [unpackRealData('crosswalks/isco_soc_crosswalk.xls'), unpackRealData('crosswalks/2010_to_2019_Crosswalk.csv')] });
  }, 1_800_000);
  afterAll(() => api?.close());

  it('finds no node with a longer list than its type assumes', async () => {
    const { byType, notNodes, viaAssumed } = assumedSizes();
    // EquivalentFigures is reached through a role's SOC equivalents, not by id. Its `via` lists the role's
    // equivalents that refine one SOC code: never more than the O*NET occupations sharing that code's six digits.
    expect(notNodes).toEqual(['EquivalentFigures.via']);
    const perSoc = new Map<string, number>();
    for (const row of readTsv(path.join(unpackRealData('onet-29.0/db_29_0_text'), 'Occupation Data.txt'))) {
      const soc = (row['O*NET-SOC Code'] as string).slice(0, 7);
      perSoc.set(soc, (perSoc.get(soc) ?? 0) + 1);
    }
    expect(Math.max(...perSoc.values())).toBeLessThanOrEqual(viaAssumed);
    expect([...byType.keys()].sort()).toEqual(['Education', 'OccupationGroup', 'Role', 'Skill', 'SkillGroup', 'Tool']);
    const longest: string[] = [];
    const over: string[] = [];
    for (const [type, fields] of byType) {
      const { records } = await api.database.driver.executeQuery(
        `MATCH (n:Node) WHERE $label IN labels(n)
         CALL (n) {
           MATCH (n)-[r]->() RETURN type(r) + '>' AS way, count(r) AS degree
           UNION ALL
           MATCH (n)<-[r]-() RETURN '<' + type(r) AS way, count(r) AS degree
         }
         WITH way, n, degree ORDER BY degree DESC
         WITH way, collect(n.id)[..3] AS ids
         UNWIND ids AS id
         RETURN DISTINCT id`,
        { label: type },
      );
      const ids = records.map((record) => record.get('id') as string);
      expect(ids.length).toBeGreaterThan(0);
      const selection = [...fields.keys()].map((field) => `${field} { __typename }`).join(' ');
      const most = new Map<string, { size: number; id: string }>();
      for (const id of ids) {
        const response = await api.query(`query ($id: ID!) { node(id: $id) { ... on ${type} { ${selection} } } }`, { id });
        expectNoErrors(response);
        for (const [field, assumed] of fields) {
          const size = (response.data?.node[field] as unknown[]).length;
          if (size > (most.get(field)?.size ?? -1)) most.set(field, { size, id });
          if (size > assumed) over.push(`${type}.${field} of ${id}: ${size} items, assumed ${assumed}`);
        }
      }
      for (const [field, { size, id }] of most) longest.push(`${type}.${field}: ${size} (${id}), assumed ${fields.get(field)}`);
    }
    process.stdout.write(`longest lists found:\n  ${longest.join('\n  ')}\n`);
    expect(over).toEqual([]);
    // Each sized list is met at some length on the real releases: the search found the nodes that hold them.
    expect(longest.filter((line) => /: 0 \(/.test(line))).toEqual([]);
  }, 600_000);
});
