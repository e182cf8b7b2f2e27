import type { CuratedCitation } from '../../src/data/curated-schema';
import { readCurated } from '../../src/data/read-curated';
import { expectNoErrors } from '../support/expect-graphql-error';
import { startTestApi, type TestApi } from './test-api';

/**
 * Every fact of the curated dataset (and so of the two documents) can be found
 * through the API, with exactly the citations the dataset gives it.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const dataset = readCurated();

interface ApiCitation {
  source: { id: string };
  quote: string | null;
}

const asSet = (citations: CuratedCitation[]) => new Set(citations.map((c) => `${c.source}|${c.quote ?? ''}`));
const apiSet = (citations: ApiCitation[]) => new Set(citations.map((c) => `${c.source.id}|${c.quote ?? ''}`));

const CITES = 'sources { source { id } quote }';
const ROLE = /* GraphQL */ `
  query Role($id: ID!) {
    role(id: $id) {
      skills { skill { id } inferred ${CITES} }
      responsibilities { id }
      settings { id }
      tools { id }
      education { education { id } ${CITES} }
      relatedRoles { role { id } reason inferred ${CITES} }
      collaborators { partner { id } inferred ${CITES} }
      salaries { id ${CITES} }
      growth { id ${CITES} }
      citations { source { id } quote }
    }
  }
`;

describe.each(dataset.entities.roles.map((role) => [role.id, role] as const))('role %s', (roleId, role) => {
  let found: Record<string, any>;
  beforeAll(async () => {
    const response = await api.query(ROLE, { id: roleId });
    expectNoErrors(response);
    found = response.data?.role;
  });

  const linksOf = (type: string) => dataset.links.filter((link) => link.type === type && link.from === roleId);

  it('cites what the dataset cites for the role itself', () => {
    expect(apiSet(found.citations)).toEqual(asSet(role.citations));
  });

  it('has every required skill, with the requirement’s own citations', () => {
    const links = linksOf('REQUIRES_SKILL');
    expect(found.skills).toHaveLength(links.length);
    for (const link of links) {
      const entry = found.skills.find((skill: { skill: { id: string } }) => skill.skill.id === link.to);
      expect(entry).toBeDefined();
      expect(apiSet(entry.sources)).toEqual(asSet(link.citations));
      expect(entry.inferred).toBe(link.inferred ?? false);
    }
  });

  it.each([
    ['responsibilities', 'HAS_RESPONSIBILITY'],
    ['settings', 'WORKS_IN'],
    ['tools', 'USES_TOOL'],
  ])('lists every one of its %s', (field, type) => {
    const expected = linksOf(type).map((link) => link.to).sort();
    expect(found[field].map((entry: { id: string }) => entry.id).sort()).toEqual(expected);
  });

  it('states its education and figures with their citations', () => {
    for (const link of linksOf('REQUIRES_EDUCATION')) {
      const entry = found.education.find((e: { education: { id: string } }) => e.education.id === link.to);
      expect(apiSet(entry.sources)).toEqual(asSet(link.citations));
    }
    for (const [field, figures] of [
      ['salaries', dataset.figures.salaries],
      ['growth', dataset.figures.growth],
    ] as const) {
      const own = figures.filter((figure) => figure.role === roleId);
      expect(found[field]).toHaveLength(own.length);
      for (const figure of own) {
        const entry = found[field].find((f: { id: string }) => f.id === figure.id);
        expect(apiSet(entry.sources)).toEqual(asSet(figure.citations));
      }
    }
  });

  it('relates to and works with whom the dataset says, in either direction', () => {
    for (const [field, type, key] of [
      ['relatedRoles', 'RELATED_TO', 'role'],
      ['collaborators', 'COLLABORATES_WITH', 'partner'],
    ] as const) {
      const own = linksOf(type);
      for (const link of own) {
        const entry = found[field].find((e: Record<string, { id: string }>) => e[key]?.id === link.to);
        expect(entry).toBeDefined();
        expect(apiSet(entry.sources)).toEqual(asSet(link.citations));
        if (type === 'RELATED_TO') expect(entry.reason).toBe(link.reason);
      }
      const incoming = dataset.links.filter((link) => link.type === type && link.to === roleId).map((link) => link.from);
      const expected = new Set([...own.map((link) => link.to), ...incoming]);
      expect(new Set(found[field].map((e: Record<string, { id: string }>) => e[key]?.id))).toEqual(expected);
    }
  });
});

describe('every other node', () => {
  const others = Object.entries(dataset.entities)
    .filter(([section]) => section !== 'roles')
    .flatMap(([, entities]) => entities);

  it('is reachable by node(id) with its name and exactly its citations', async () => {
    const query = `query ($id: ID!) { node(id: $id) { __typename id ... on Skill { name sources { source { id } quote } }
      ... on Responsibility { name sources { source { id } quote } } ... on Setting { name sources { source { id } quote } }
      ... on Tool { name sources { source { id } quote } } ... on Education { name sources { source { id } quote } }
      ... on Collaborator { name sources { source { id } quote } } } }`;
    for (const entity of others) {
      const { data } = await api.query(query, { id: entity.id });
      expect(data?.node).toMatchObject({ id: entity.id, name: entity.name });
      expect(apiSet(data?.node.sources)).toEqual(asSet(entity.citations));
    }
  });
});
