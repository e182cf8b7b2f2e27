import { loadCypherCatalog, type StatementName } from '../../src/database/cypher-catalog';
import { startTestApi, type TestApi } from './test-api';
import { testDatabase } from './test-database';

/**
 * Lookups by id must seek the Node(id) index, never scan every node or every
 * node of a label. Checked on the planner's EXPLAIN output of each hot query.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

interface Plan {
  operatorType: string;
  children: Plan[];
}

const operators = (plan: Plan): string[] => [plan.operatorType.split('@')[0] as string, ...plan.children.flatMap(operators)];

/** Operator and details of every step, to tell which index a failing plan used. */
const describePlan = (plan: Plan & { arguments?: { Details?: string } }): string[] => [
  `${plan.operatorType.split('@')[0]} ${plan.arguments?.Details ?? ''}`,
  ...plan.children.flatMap(describePlan),
];

async function planOf(name: StatementName, params: Record<string, unknown>): Promise<string[]> {
  const { summary } = await api.database.driver.executeQuery(`EXPLAIN ${loadCypherCatalog()[name]}`, params, {
    database: testDatabase.database,
  });
  const plan = summary.plan as unknown as Plan;
  if (!operators(plan).includes('NodeUniqueIndexSeek') || operators(plan).some((operator) => operator.endsWith('Scan'))) process.stderr.write(`${name}:\n${describePlan(plan).join('\n')}\n`);
  return operators(plan);
}

describe('query plans', () => {
  it.each<[StatementName, Record<string, unknown>]>([
    ['nodes-by-ids', { ids: ['mixing'] }],
    ['role-details-by-ids', { ids: ['music-producer'] }],
    ['roles-by-node-ids', { ids: ['mixing'] }],
    ['skill-hierarchy-neighbours', { ids: ['mixing'] }],
    ['sources-by-ids', { ids: ['000_3acbafd368b5d407'] }],
    ['role-links', { keys: [{ id: 'music-producer', type: 'REQUIRES_SKILL', properties: ['id', 'name'], linkProperties: [] }] }],
    [
      'role-with-links',
      {
        id: 'music-producer',
        keys: [{ type: 'RELATED_TO', properties: null, linkProperties: ['reason'] }],
        relatedKeys: [{ type: 'REQUIRES_SKILL', properties: null, linkProperties: null }],
      },
    ],
    ['overlap', { roleIds: ['music-producer', 'sound-engineer'], type: 'REQUIRES_SKILL', roleProperties: null, itemProperties: ['id', 'name'] }],
    ['similar-roles', { roleId: 'music-producer', metric: 'WEIGHTED_JACCARD', first: 10, roleProperties: null, skillProperties: ['id'] }],
    ['similar-roles-profile', { roleId: 'music-producer', first: 10, overlap: true, roleProperties: null, skillProperties: ['id'] }],
    ['recommend-roles', { skillIds: ['mixing', 'acoustics'], weights: [1, 1], only: null, filter: null, first: 10, roleProperties: ['id'], skillProperties: null }],
    ['career-neighbours', { ids: ['music-producer'], minSimilarity: 0.2, fanout: 20, goal: null }],
    [
      'career-moves',
      {
        pairs: [['music-producer', 'sound-engineer']],
        includeCommon: false,
        commonShare: 0.25,
        commonMinRoles: 100,
        state: 'role-neighbours',
        taxonomyPrefixes: [['onet', 'onet-']],
        otherTaxonomy: 'curated',
        first: 5,
        roleProperties: null,
        skillProperties: null,
      },
    ],
    ['skill-gap', { fromId: 'music-producer', toId: 'sound-engineer', roleProperties: null, skillProperties: null }],
    ['paths-between/4', { fromId: 'music-producer', toId: 'sound-engineer', types: ['REQUIRES_SKILL', 'RELATED_TO'], parallelTypes: ['RELATED_TO'], maxHops: 4, first: 3 }],
  ])('%s seeks a unique index and scans nothing', async (name, params) => {
    const plan = await planOf(name, params);
    expect(plan).toContain('NodeUniqueIndexSeek');
    expect(plan).not.toContain('AllNodesScan');
    expect(plan).not.toContain('NodeByLabelScan');
  });

  it.each<StatementName>(['roles-page', 'skills-page'])(
    '%s reads its page in id order from a range index, without scanning or sorting the label',
    async (name) => {
      for (const after of ['', 'mixing']) {
        const plan = await planOf(name, { after, limit: 11 });
        expect(plan).toContain('NodeIndexSeekByRange');
        expect(plan).not.toContain('NodeByLabelScan');
        // Top or Sort would mean every role (or skill) after `after` is read before the page is cut.
        expect(plan).not.toContain('Top');
        expect(plan).not.toContain('Sort');
      }
    },
  );

  it('search reads the full-text index', async () => {
    const plan = await planOf('search-nodes', { index: 'node_search', query: 'mix*', labels: null, candidates: 10, first: 10 });
    expect(plan).toContain('ProcedureCall');
    expect(plan).not.toContain('AllNodesScan');
  });

  it('the exact lookup of search reads its keyword index, and scans no label', async () => {
    const plan = await planOf('search-exact', { query: 'name:/[mM]ixing/', codes: [], prefixes: [], labels: null, candidates: 100, first: 10 });
    expect(plan).toContain('ProcedureCall');
    expect(plan).not.toContain('AllNodesScan');
    expect(plan).not.toContain('NodeByLabelScan');
  });
});
