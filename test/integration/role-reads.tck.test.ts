import { roleLinksKey, type RoleLinksKey } from '../../src/repositories/role.repository';
import { expectNoErrors } from '../support/expect-graphql-error';
import { StatementRecorder, type RecordedStatement } from '../support/statement-recorder';
import { DEEP_QUERIES_COST_LIMIT, startTestApi, type TestApi } from './test-api';

/**
 * What the selection-driven role reads send to Neo4j, in the manner of the Neo4j
 * GraphQL Library's TCK: a GraphQL query in; out, the catalog statements the server
 * runs for it (their names in cypher/queries) with their parameters, pinned by a
 * snapshot. Which kinds of facts a query reads, of which properties, in how many
 * statements: a change to the projection (src/graphql/selected-properties.ts) or to
 * the expansion (src/graphql/resolvers/role.resolvers.ts) shows here as a diff to
 * review. The queries run on the real service over the curated graph, so each
 * answer is checked too: no errors, and the facts the statements read are there.
 */
let api: TestApi;
const recorder = new StatementRecorder();
beforeAll(async () => {
  // Some of its queries go three levels deep through lists, a shape whose estimate, with the lists as long as
  // on the real releases, is over the default cost limit (limits.test.ts refuses it). What is checked here is
  // the statements sent, so the limit is raised.
  api = await startTestApi(undefined, { maxCost: DEEP_QUERIES_COST_LIMIT });
  recorder.attach(api.database);
});
afterAll(() => api.close());

/**
 * Makes a statement's parameters independent of the order DataLoader batched them
 * in. A batch lists its keys in the order resolvers asked for them, which follows
 * the resolution of promises across a level of the query, an order the code does
 * not define and the statement does not depend on: so role-links keys are sorted
 * by role, type and projection, and the ids of the by-ids statements are sorted.
 * Orders the code does define (the fact kinds of role-with-links, in the query's
 * order; the property lists, sorted by selected-properties) are kept as sent.
 */
function deterministic({ statement, params }: RecordedStatement): RecordedStatement {
  if (statement === 'role-links') {
    const keys = [...(params.keys as RoleLinksKey[])];
    const order = (key: RoleLinksKey) => `${key.id}|${roleLinksKey(key)}`;
    return { statement, params: { ...params, keys: keys.sort((a, b) => order(a).localeCompare(order(b))) } };
  }
  if (Array.isArray(params.ids)) return { statement, params: { ...params, ids: [...(params.ids as string[])].sort() } };
  return { statement, params };
}

/** The query, its variables and the statements the server ran to answer it, for the snapshot; `data` for the test's own checks. */
async function reads(query: string, variables: Record<string, unknown> = {}) {
  recorder.take();
  const response = await api.query(query, variables);
  expectNoErrors(response);
  const statements = recorder.take().map(deterministic);
  return { data: response.data as Record<string, any>, tck: { query: query.trim(), variables, statements } };
}

describe('role(id) with no facts selected', () => {
  it('reads only the role, by id, through the entity loader', async () => {
    const { data, tck } = await reads('query ($id: ID!) { role(id: $id) { id name summary aliases } }', { id: 'music-producer' });
    expect(data.role.name).toBe('Music producer');
    expect(tck).toMatchSnapshot('nodes-by-ids: the role alone');
  });
});

describe('role(id) with one level of facts: one role-with-links statement', () => {
  it('skills selecting only the skill names: the skills’ id and name, no relationship property', async () => {
    const { data, tck } = await reads('query ($id: ID!) { role(id: $id) { name skills { skill { name } } } }', { id: 'audio-engineer' });
    expect(data.role.skills.length).toBeGreaterThan(0);
    expect(tck).toMatchSnapshot('role-with-links: REQUIRES_SKILL with [id, name], linkProperties []');
  });

  it('skills with their citations and ratings: those relationship properties; the cited sources come next, batched', async () => {
    const { data, tck } = await reads(
      `query ($id: ID!) {
        role(id: $id) { skills { skill { id name category } importance level essential inferred sources { quote source { id title } } } }
      }`,
      { id: 'audio-engineer' },
    );
    expect(data.role.skills.some((link: { sources: unknown[] }) => link.sources.length > 0)).toBe(true);
    expect(tck).toMatchSnapshot('role-with-links: REQUIRES_SKILL with citation and rating link properties; then sources-by-ids');
  });

  it('responsibilities, settings and tools: plain lists, the far nodes’ selected properties and no relationship property', async () => {
    const { data, tck } = await reads(
      'query ($id: ID!) { role(id: $id) { responsibilities { name sources { quote } } settings { name aliases } tools { id name kind } } }',
      { id: 'sound-engineer' },
    );
    expect(data.role.tools.length).toBeGreaterThan(0);
    expect(tck).toMatchSnapshot('role-with-links: HAS_RESPONSIBILITY, WORKS_IN, USES_TOOL with properties, linkProperties []');
  });

  it('education and collaborators: their far nodes read whole, the relationships only as selected', async () => {
    const { data, tck } = await reads(
      'query ($id: ID!) { role(id: $id) { education { level } collaborators { name inferred partner { id } } } }',
      { id: 'music-producer' },
    );
    expect(data.role.education).toHaveLength(1);
    expect(data.role.collaborators.length).toBeGreaterThan(0);
    expect(tck).toMatchSnapshot('role-with-links: REQUIRES_EDUCATION and COLLABORATES_WITH with properties null');
  });
});

describe('role(id) with related roles', () => {
  it('related roles and their skills: the role’s keys and the related roles’ keys in the one statement', async () => {
    const { data, tck } = await reads(
      `query ($id: ID!) {
        role(id: $id) { name skills { skill { name } } relatedRoles { reason role { id name skills { skill { name } } } } }
      }`,
      { id: 'audio-engineer' },
    );
    expect(data.role.relatedRoles.some((link: { role: { skills: unknown[] } }) => link.role.skills.length > 0)).toBe(true);
    expect(tck).toMatchSnapshot('role-with-links: keys and relatedKeys, nothing after');
  });

  it('related roles of related roles: the third level batched into one role-links statement', async () => {
    const { data, tck } = await reads(
      `query ($id: ID!) {
        role(id: $id) { relatedRoles { role { id relatedRoles { role { name skills { skill { name } } } } } } }
      }`,
      { id: 'audio-engineer' },
    );
    const third = data.role.relatedRoles.flatMap((link: { role: { relatedRoles: unknown[] } }) => link.role.relatedRoles);
    expect(third.length).toBeGreaterThan(0);
    expect(tck).toMatchSnapshot('role-with-links for two levels, then role-links: REQUIRES_SKILL of every third-level role');
  });
});

describe('role(id) through fragments, aliases and directives', () => {
  it('fragments and aliases: fragments merge into their field’s selection, each alias is a key of its own', async () => {
    const { data, tck } = await reads(
      `query ($id: ID!) {
        role(id: $id) {
          ...Skills
          named: skills { skill { name } }
          rated: skills { importance skill { id category } }
          ... on Role { tools { name } }
        }
      }
      fragment Skills on Role { skills { skill { ...SkillName } sources { quote } } }
      fragment SkillName on Skill { name aliases }`,
      { id: 'audio-engineer' },
    );
    expect(data.role.named.length).toBe(data.role.skills.length);
    expect(tck).toMatchSnapshot('role-with-links: fragments merged, aliases as separate REQUIRES_SKILL keys');
  });

  it.each([
    ['included', { withSkills: true, withoutTools: false }],
    ['skipped', { withSkills: false, withoutTools: true }],
  ])('@include and @skip with variables: the fact kinds %s by the variables', async (which, directives) => {
    const { tck } = await reads(
      `query ($id: ID!, $withSkills: Boolean!, $withoutTools: Boolean!) {
        role(id: $id) {
          name
          skills @include(if: $withSkills) { skill { name } }
          tools @skip(if: $withoutTools) { name }
          settings { name aliases @include(if: $withSkills) }
        }
      }`,
      { id: 'sound-engineer', ...directives },
    );
    expect(tck).toMatchSnapshot(`role-with-links: only the fact kinds and properties the variables leave in (${which})`);
  });
});

describe('roles(first) with facts', () => {
  it('a page of roles with their skills: the page, then one role-links statement for every role on it', async () => {
    const { data, tck } = await reads('query ($first: Int!) { roles(first: $first) { edges { node { id name skills { skill { name } } } } } }', {
      first: 3,
    });
    expect(data.roles.edges).toHaveLength(3);
    expect(tck).toMatchSnapshot('roles-page, then role-links: REQUIRES_SKILL of the three roles');
  });
});
