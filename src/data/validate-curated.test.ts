import { CuratedDataError, validateCurated } from './validate-curated';

/** A small, valid dataset; each test breaks one rule of it. */
function fixture() {
  const cite = [{ source: 'doc', quote: 'q' }];
  return {
    format: 'careers-graph/curated@1',
    sources: [{ id: 'doc', title: 'Doc' }],
    entities: {
      roles: [
        { id: 'producer', name: 'Producer', aliases: [], citations: cite },
        { id: 'engineer', name: 'Engineer', aliases: [], citations: cite },
      ],
      skills: [{ id: 'mixing', name: 'Mixing', category: 'technical', aliases: [], citations: cite }],
      responsibilities: [],
      settings: [],
      tools: [],
      education: [],
      collaborators: [],
    },
    figures: {
      salaries: [{ id: 'salary-producer', role: 'producer', median: 1, currency: 'USD', period: 'annual', statistic: 'median', citations: cite }],
      growth: [],
    },
    links: [
      { type: 'REQUIRES_SKILL', from: 'producer', to: 'mixing', citations: cite },
      { type: 'RELATED_TO', from: 'producer', to: 'engineer', reason: 'both mix', citations: cite },
    ],
  };
}

function problemsOf(input: unknown): string[] {
  try {
    validateCurated(input, 'fixture');
    return [];
  } catch (error) {
    if (error instanceof CuratedDataError) return error.problems;
    throw error;
  }
}

describe('validateCurated', () => {
  it('accepts a well-formed dataset', () => {
    expect(problemsOf(fixture())).toEqual([]);
  });

  it('refuses a fact without a citation', () => {
    const input = fixture();
    input.entities.skills[0]!.citations = [];
    expect(problemsOf(input)).toEqual(['entities.skills.0.citations: every fact cites at least one source']);
  });

  it('refuses an id used twice, even across kinds', () => {
    const input = fixture();
    input.figures.salaries[0]!.id = 'mixing';
    expect(problemsOf(input)).toContain('id "mixing" is used more than once');
  });

  it('refuses a citation of an undeclared source', () => {
    const input = fixture();
    input.links[0]!.citations = [{ source: 'elsewhere', quote: 'q' }];
    expect(problemsOf(input)).toEqual(['link producer -REQUIRES_SKILL-> mixing cites unknown source "elsewhere"']);
  });

  it('refuses a link whose ends are of the wrong kind', () => {
    const input = fixture();
    input.links[0]!.to = 'engineer';
    expect(problemsOf(input)).toEqual(['link producer -REQUIRES_SKILL-> engineer: "engineer" must be one of Skill, found Role']);
  });

  it('refuses a relationship type outside the allow-list', () => {
    const input = fixture();
    input.links[0]!.type = 'DETACH DELETE';
    expect(problemsOf(input)[0]).toMatch(/^links\.0\.type: /);
  });

  it('refuses a related career without a reason', () => {
    const input = fixture();
    delete (input.links[1] as { reason?: string }).reason;
    expect(problemsOf(input)).toEqual(['link producer -RELATED_TO-> engineer needs a reason']);
  });

  it('refuses a link stated twice', () => {
    const input = fixture();
    input.links.push({ ...input.links[0]! });
    expect(problemsOf(input)).toEqual(['link producer -REQUIRES_SKILL-> mixing is stated twice']);
  });

  it('refuses a salary with neither a median nor a range', () => {
    const input = fixture();
    delete (input.figures.salaries[0] as { median?: number }).median;
    expect(problemsOf(input)).toEqual(['figures.salaries.0: a salary states a median or a low-high range']);
  });

  it('refuses a figure attached to something other than a role', () => {
    const input = fixture();
    input.figures.salaries[0]!.role = 'mixing';
    expect(problemsOf(input)).toEqual(['figure "salary-producer" names "mixing", which is not a role']);
  });
});
