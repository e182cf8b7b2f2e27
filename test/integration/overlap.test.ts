import { expectGraphQLError, expectNoErrors } from '../support/expect-graphql-error';
import { startTestApi, type TestApi } from './test-api';

/**
 * Overlap questions on the curated graph. Every expected answer below was worked out
 * by hand from data/curated/careers.json and is written out, not read from the API.
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const ids = (list: { id: string }[]) => list.map((item) => item.id);

/** Skills each role requires in the curated dataset (REQUIRES_SKILL links), by hand. */
const SHARED_BY_ALL_THREE = [
  'audio-engineering',
  'audio-equipment-operation',
  'critical-listening',
  'microphone-placement',
  'mixing',
  'recording-techniques',
  'signal-flow',
];
const AUDIO_AND_SOUND_ONLY = ['acoustics', 'attention-to-detail', 'audio-editing'];
const PRODUCER_AND_SOUND_ONLY = ['audio-production', 'commitment-to-quality', 'daw-proficiency', 'passion-for-music', 'signal-processing'];
const PRODUCER_ONLY = [
  'communication-and-collaboration',
  'creative-direction',
  'music-performance',
  'music-theory-and-composition',
  'organisation-and-time-management',
  'songwriting-and-arrangement',
  'staying-current',
];
const SOUND_ONLY = ['mastering', 'problem-solving-and-troubleshooting', 'sound-reinforcement-and-live-mixing', 'working-under-pressure'];
const AUDIO_ONLY = ['recording-studio-knowledge'];

/** idf(s) = ln(1 + N / df(s)) with N = 5 roles, for skills required by 3, 2 and 1 roles. */
const IDF3 = Math.log(1 + 5 / 3);
const IDF2 = Math.log(1 + 5 / 2);
const IDF1 = Math.log(1 + 5 / 1);

describe('skillOverlap', () => {
  const QUERY = `query ($a: ID!, $b: ID!) { skillOverlap(roleA: $a, roleB: $b) {
    roleA { id } roleB { id } shared { id } onlyA { id } onlyB { id } jaccard } }`;

  it('music producer and sound engineer share 12 of 26 skills; music theory is the producer’s alone', async () => {
    const response = await api.query(QUERY, { a: 'music-producer', b: 'sound-engineer' });
    expectNoErrors(response);
    const overlap = response.data?.skillOverlap;
    expect(overlap.roleA.id).toBe('music-producer');
    expect(new Set(ids(overlap.shared))).toEqual(new Set([...SHARED_BY_ALL_THREE, ...PRODUCER_AND_SOUND_ONLY]));
    expect(new Set(ids(overlap.onlyA))).toEqual(new Set(PRODUCER_ONLY));
    expect(new Set(ids(overlap.onlyB))).toEqual(new Set([...AUDIO_AND_SOUND_ONLY, ...SOUND_ONLY]));
    expect(overlap.jaccard).toBeCloseTo(12 / 26, 10);
    expect(ids(overlap.onlyA)).toContain('music-theory-and-composition');
    expect(ids(overlap.shared)).toContain('mixing');
  });

  it('lists skills by name', async () => {
    const { data } = await api.query(`{ skillOverlap(roleA: "music-producer", roleB: "sound-engineer") { shared { name } } }`);
    const names = data?.skillOverlap.shared.map((skill: { name: string }) => skill.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
  });

  it('answers the same role twice with jaccard 1 and nothing on either side alone', async () => {
    const { data } = await api.query(QUERY, { a: 'audio-engineer', b: 'audio-engineer' });
    expect(data?.skillOverlap).toMatchObject({ jaccard: 1, onlyA: [], onlyB: [] });
    expect(data?.skillOverlap.shared).toHaveLength(11);
  });

  it('gives 0 for two roles the sources give no skill', async () => {
    const { data } = await api.query(QUERY, { a: 'movie-producer', b: 'lighting-engineer' });
    expect(data?.skillOverlap).toMatchObject({ shared: [], onlyA: [], onlyB: [], jaccard: 0 });
  });

  it('says NOT_FOUND, naming the id, for an unknown role or a node that is not a role', async () => {
    for (const b of ['astronaut', 'mixing']) {
      const response = await api.query(QUERY, { a: 'music-producer', b });
      expect(response.data).toBeNull();
      expectGraphQLError(response, { code: 'NOT_FOUND', extensions: { ids: [b] }, message: expect.stringContaining(`"${b}"`) });
    }
  });
});

describe('overlap', () => {
  const QUERY = `query ($roles: [ID!]!, $dimension: OverlapDimension) { overlap(roles: $roles, dimension: $dimension) {
    dimension roles { id } shared { id } distinct { role { id } items { id } } jaccard } }`;

  it('finds the settings all three music roles share, and each one’s own', async () => {
    const response = await api.query(QUERY, {
      roles: ['music-producer', 'audio-engineer', 'sound-engineer'],
      dimension: 'SETTINGS',
    });
    expectNoErrors(response);
    const overlap = response.data?.overlap;
    expect(ids(overlap.roles)).toEqual(['music-producer', 'audio-engineer', 'sound-engineer']);
    expect(new Set(ids(overlap.shared))).toEqual(new Set(['music-industry', 'recording-studio']));
    const only = Object.fromEntries(overlap.distinct.map((d: { role: { id: string }; items: { id: string }[] }) => [d.role.id, new Set(ids(d.items))]));
    expect(only['music-producer']).toEqual(new Set(['freelance', 'record-label']));
    expect(only['audio-engineer']).toEqual(new Set());
    expect(only['sound-engineer']).toEqual(
      new Set(['broadcast-media', 'live-sound-and-events', 'post-production-company', 'radio-production', 'theater', 'video-game-sound-design']),
    );
    // 2 shared of 11 settings in the union (film and television is the producer's and the sound engineer's).
    expect(overlap.jaccard).toBeCloseTo(2 / 11, 10);
  });

  it('compares skills by default', async () => {
    const { data } = await api.query(QUERY, { roles: ['audio-engineer', 'sound-engineer'] });
    expect(data?.overlap.dimension).toBe('SKILLS');
    expect(new Set(ids(data?.overlap.shared))).toEqual(new Set([...SHARED_BY_ALL_THREE, ...AUDIO_AND_SOUND_ONLY]));
    expect(data?.overlap.jaccard).toBeCloseTo(10 / 20, 10);
  });

  it.each([[['music-producer']], [Array.from({ length: 11 }, () => 'music-producer')]])(
    'refuses %p roles with BAD_USER_INPUT before any database call',
    async (roles) => {
      const response = await api.query(QUERY, { roles });
      expectGraphQLError(response, { code: 'BAD_USER_INPUT', extensionsContaining: { argument: 'roles' } });
      expect(response.extensions?.queryStats?.cypherRoundTrips).toBe(0);
    },
  );

  it('names every unknown id', async () => {
    const response = await api.query(QUERY, { roles: ['music-producer', 'x-1', 'x-2'] });
    expectGraphQLError(response, { code: 'NOT_FOUND', extensions: { ids: ['x-1', 'x-2'] } });
  });
});

describe('similarRoles', () => {
  const QUERY = `query ($role: ID!, $metric: SimilarityMetric) { similarRoles(role: $role, metric: $metric) {
    role { id } score jaccard weightedJaccard unionSize sharedSkills { id } } }`;

  it('ranks the sound engineer closest to the audio engineer, then the producer (plain Jaccard)', async () => {
    const { data } = await api.query(QUERY, { role: 'audio-engineer', metric: 'JACCARD' });
    const matches = data?.similarRoles;
    expect(matches.map((match: { role: { id: string } }) => match.role.id)).toEqual(['sound-engineer', 'music-producer']);
    expect(matches[0]).toMatchObject({ score: 10 / 20, unionSize: 20 });
    expect(new Set(ids(matches[0].sharedSkills))).toEqual(new Set([...SHARED_BY_ALL_THREE, ...AUDIO_AND_SOUND_ONLY]));
    expect(matches[1].score).toBeCloseTo(7 / 23, 10);
  });

  it('ranks the audio engineer closest to the sound engineer, on both metrics', async () => {
    for (const metric of ['JACCARD', 'WEIGHTED_JACCARD']) {
      const { data } = await api.query(QUERY, { role: 'sound-engineer', metric });
      expect(data?.similarRoles.map((match: { role: { id: string } }) => match.role.id)).toEqual(['audio-engineer', 'music-producer']);
    }
  });

  it('weights a rare shared skill more than a common one (IDF-weighted Jaccard)', async () => {
    const { data } = await api.query(QUERY, { role: 'audio-engineer', metric: 'WEIGHTED_JACCARD' });
    const shared = 7 * IDF3 + 3 * IDF2;
    const union = shared + 1 * IDF1 + 5 * IDF2 + 4 * IDF1;
    expect(data?.similarRoles[0].role.id).toBe('sound-engineer');
    expect(data?.similarRoles[0].score).toBeCloseTo(shared / union, 10);
    expect(data?.similarRoles[0].weightedJaccard).toBeCloseTo(shared / union, 10);
    expect(data?.similarRoles[0].jaccard).toBeCloseTo(0.5, 10);
  });

  it('leaves out roles sharing no skill, and the role itself', async () => {
    const { data } = await api.query(QUERY, { role: 'music-producer', metric: 'JACCARD' });
    expect(data?.similarRoles.map((match: { role: { id: string } }) => match.role.id)).toEqual(['sound-engineer', 'audio-engineer']);
    expect((await api.query(QUERY, { role: 'movie-producer', metric: 'JACCARD' })).data?.similarRoles).toEqual([]);
  });

  it('honours first', async () => {
    const { data } = await api.query(`{ similarRoles(role: "audio-engineer", first: 1, metric: JACCARD) { role { id } } }`);
    expect(data?.similarRoles).toEqual([{ role: { id: 'sound-engineer' } }]);
  });

  describe('PROFILE (the default)', () => {
    const PROFILE = `query ($role: ID!, $first: Int) { similarRoles(role: $role, first: $first) {
      role { id } score jaccard unionSize sharedSkills { id } parts { names duties skills } } }`;
    type Match = { role: { id: string }; score: number; jaccard: number; unionSize: number; sharedSkills: { id: string }[]; parts: { names: number; duties: number; skills: number } };

    it('ranks the sound engineer closest to the audio engineer, with the parts of the score', async () => {
      const response = await api.query(PROFILE, { role: 'audio-engineer' });
      expectNoErrors(response);
      const matches = response.data?.similarRoles as Match[];
      expect(matches[0]?.role.id).toBe('sound-engineer');
      const [top] = matches as [Match];
      // Curated requirements weigh 1: the skills block is the cosine of two binary sets,
      // 10 shared of 11 and 19: 10 / √(11·19).
      expect(top.parts.skills).toBeCloseTo(10 / Math.sqrt(11 * 19), 10);
      // Both roles have names, duties and skills: ‖a‖ = ‖b‖ = √2.5.
      expect(top.score).toBeCloseTo((top.parts.names + top.parts.duties + 0.5 * top.parts.skills) / 2.5, 9);
      // The pair's Jaccard figures come along, as with the other metrics.
      expect(top).toMatchObject({ jaccard: 0.5, unionSize: 20 });
      expect(new Set(ids(top.sharedSkills))).toEqual(new Set([...SHARED_BY_ALL_THREE, ...AUDIO_AND_SOUND_ONLY]));
    });

    it('is symmetric, between 0 and 1, best first, never the role itself', async () => {
      const all = new Map<string, Match[]>();
      for (const role of ['audio-engineer', 'sound-engineer', 'music-producer']) {
        const response = await api.query(PROFILE, { role, first: 100 });
        expectNoErrors(response);
        all.set(role, response.data?.similarRoles as Match[]);
      }
      for (const [role, matches] of all) {
        expect(matches.map((match) => match.role.id)).not.toContain(role);
        const scores = matches.map((match) => match.score);
        expect([...scores].sort((a, b) => b - a)).toEqual(scores);
        for (const match of matches) {
          expect(match.score).toBeGreaterThan(0);
          expect(match.score).toBeLessThanOrEqual(1);
          const back = all.get(match.role.id)?.find((other) => other.role.id === role);
          if (back) expect(back.score).toBe(match.score);
        }
      }
    });
  });
});

describe('recommendRoles', () => {
  const QUERY = `query ($skills: [ID!]!) { recommendRoles(skills: $skills) { role { id } score matched { id } missing { id } toLearn { skill { id } gain } } }`;

  // Reworked when the score became the cosine of the person's skills and the role's
  // profile: it was the IDF-weighted share of the role's skills held, which ranked the
  // audio engineer (2 of its 11 skills given) above the sound engineer, who needs all
  // three skills given (3 of 19). The cosine counts both sides: 2/√(11·3) < 3/√(19·3).
  it("scores roles by the cosine of the skills given and the role's skills, and says what is missing", async () => {
    const response = await api.query(QUERY, { skills: ['mixing', 'sound-reinforcement-and-live-mixing', 'acoustics'] });
    expectNoErrors(response);
    const data = response.data;
    const byRole = Object.fromEntries(data?.recommendRoles.map((r: { role: { id: string } }) => [r.role.id, r]));
    // Curated requirements weigh 1: score = |matched| / (√|role's skills| · √|given|).
    const audio = 2 / Math.sqrt(11 * 3);
    const sound = 3 / Math.sqrt(19 * 3);
    const producer = 1 / Math.sqrt(19 * 3);
    expect(data?.recommendRoles.map((r: { role: { id: string } }) => r.role.id)).toEqual(['sound-engineer', 'audio-engineer', 'music-producer']);
    expect(byRole['audio-engineer'].score).toBeCloseTo(audio, 10);
    expect(byRole['sound-engineer'].score).toBeCloseTo(sound, 10);
    expect(byRole['music-producer'].score).toBeCloseTo(producer, 10);
    expect(new Set(ids(byRole['sound-engineer'].matched))).toEqual(new Set(['acoustics', 'mixing', 'sound-reinforcement-and-live-mixing']));
    expect(byRole['audio-engineer'].missing).toHaveLength(9);
    // Each missing skill would raise the audio engineer's score to 3 / √(11·4).
    const toLearn = byRole['audio-engineer'].toLearn as { skill: { id: string }; gain: number }[];
    expect(new Set(toLearn.map((entry) => entry.skill.id))).toEqual(new Set(ids(byRole['audio-engineer'].missing)));
    for (const entry of toLearn) expect(entry.gain).toBeCloseTo(3 / Math.sqrt(11 * 4) - audio, 10);
  });

  it('gives a role every one of its skills a full score', async () => {
    const skills = [...SHARED_BY_ALL_THREE, ...AUDIO_AND_SOUND_ONLY, ...AUDIO_ONLY];
    const { data } = await api.query(QUERY, { skills });
    expect(data?.recommendRoles[0]).toMatchObject({ role: { id: 'audio-engineer' }, score: 1, missing: [] });
  });

  it('weighs the skills held: the cosine of the weighted profile and the role\'s', async () => {
    const HAVING = `query ($having: [HeldSkill!]) { recommendRoles(having: $having, first: 10) { role { id } score } }`;
    const response = await api.query(HAVING, { having: [{ skill: 'mixing', weight: 3 }, { skill: 'acoustics', weight: 1 }, { skill: 'sound-reinforcement-and-live-mixing', weight: 1 }] });
    expectNoErrors(response);
    const byRole = Object.fromEntries((response.data?.recommendRoles as { role: { id: string }; score: number }[]).map((r) => [r.role.id, r.score]));
    // ‖p‖ = √(9 + 1 + 1); the audio engineer needs mixing and acoustics (3 + 1), the sound engineer all three (3 + 1 + 1).
    expect(byRole['audio-engineer']).toBeCloseTo(4 / (Math.sqrt(11) * Math.sqrt(11)), 10);
    expect(byRole['sound-engineer']).toBeCloseTo(5 / (Math.sqrt(19) * Math.sqrt(11)), 10);
    // Only proportions count.
    const doubled = await api.query(HAVING, { having: [{ skill: 'mixing', weight: 6 }, { skill: 'acoustics', weight: 2 }, { skill: 'sound-reinforcement-and-live-mixing', weight: 2 }] });
    expect(doubled.data?.recommendRoles).toEqual(response.data?.recommendRoles);
  });

  it('keeps only the roles the filter allows: by taxonomy and by median wage', async () => {
    const FILTERED = `query ($filter: RoleFilter) { recommendRoles(skills: ["mixing"], filter: $filter, first: 10) { role { id } } }`;
    const roles = async (filter: unknown) => ((await api.query(FILTERED, { filter })).data?.recommendRoles as { role: { id: string } }[]).map((r) => r.role.id).sort();
    const all = await roles(null);
    expect(all).toEqual(['audio-engineer', 'music-producer', 'sound-engineer']);
    expect(await roles({ taxonomies: ['CURATED'] })).toEqual(all);
    expect(await roles({ taxonomies: ['ONET', 'ESCO'] })).toEqual([]);
    // Curated medians: the producer 50,396 and 50,500, the sound engineer 50,150, the audio engineer 44,850 (USD a year).
    expect(await roles({ minMedianWage: 50_000 })).toEqual(['music-producer', 'sound-engineer']);
    expect(await roles({ minMedianWage: 50_200 })).toEqual(['music-producer']);
  });

  it('refuses skills and having together, neither, a skill twice in having, and a weight of 0', async () => {
    const BOTH = `query ($skills: [ID!], $having: [HeldSkill!]) { recommendRoles(skills: $skills, having: $having) { score } }`;
    for (const variables of [
      { skills: ['mixing'], having: [{ skill: 'acoustics' }] },
      {},
      { having: [{ skill: 'mixing' }, { skill: 'mixing', weight: 2 }] },
      { having: [{ skill: 'mixing', weight: 0 }] },
    ]) {
      const response = await api.query(BOTH, variables);
      expectGraphQLError(response, { code: 'BAD_USER_INPUT' });
      expect(response.extensions?.queryStats?.cypherRoundTrips).toBe(0);
    }
  });

  it('says NOT_FOUND for an id that is not a skill', async () => {
    const response = await api.query(QUERY, { skills: ['mixing', 'theater'] });
    expectGraphQLError(response, { code: 'NOT_FOUND', extensions: { ids: ['theater'] } });
  });

  it('refuses an empty list and more than 100 skills', async () => {
    for (const skills of [[], Array.from({ length: 101 }, (_, index) => `skill-${index}`)]) {
      const response = await api.query(QUERY, { skills });
      expectGraphQLError(response, { code: 'BAD_USER_INPUT', extensionsContaining: { argument: 'skills' } });
    }
  });
});

describe('nextSkills', () => {
  const NEXT = `query ($skills: [ID!], $target: ID, $over: Int) { nextSkills(skills: $skills, target: $target, over: $over, first: 100) { skill { id name } gain neededBy } }`;
  const RECOMMEND = `query ($skills: [ID!]) { recommendRoles(skills: $skills, first: 10) { role { id } score toLearn { skill { id } gain } } }`;
  type Suggestion = { skill: { id: string; name: string }; gain: number; neededBy: number };

  it('toward a target: its missing skills by the gain recommendRoles gives them', async () => {
    const skills = ['mixing', 'acoustics'];
    const response = await api.query(NEXT, { skills, target: 'music-producer' });
    expectNoErrors(response);
    const suggestions = response.data?.nextSkills as Suggestion[];
    const recommended = (await api.query(RECOMMEND, { skills })).data?.recommendRoles as { role: { id: string }; toLearn: { skill: { id: string }; gain: number }[] }[];
    const producer = recommended.find((r) => r.role.id === 'music-producer')!;
    expect(suggestions.map((s) => [s.skill.id, s.gain])).toEqual(producer.toLearn.map((t) => [t.skill.id, t.gain]));
    expect(suggestions.every((s) => s.neededBy === 1)).toBe(true);
  });

  it('over the best fits: the mean rise, counting the fall of roles that do not need the skill', async () => {
    const skills = ['mixing', 'acoustics'];
    const response = await api.query(NEXT, { skills, over: 3 });
    expectNoErrors(response);
    const suggestions = response.data?.nextSkills as Suggestion[];
    // Curated weights are all 1: with G of 2 skills a role R with m matched of n rises, with
    // one more skill it needs, to (m + 1) / √(n·3), and falls to m / √(n·3) without.
    const roles = { 'audio-engineer': 11, 'sound-engineer': 19, 'music-producer': 19 } as const;
    const matched = { 'audio-engineer': 2, 'sound-engineer': 2, 'music-producer': 1 } as const;
    const needs = async (role: string) =>
      new Set(((await api.query(`query ($id: ID!) { role(id: $id) { skills { skill { id } } } }`, { id: role })).data?.role.skills as { skill: { id: string } }[]).map((s) => s.skill.id));
    const needed = Object.fromEntries(await Promise.all(Object.keys(roles).map(async (role) => [role, await needs(role)] as const)));
    for (const suggestion of suggestions) {
      let total = 0;
      let neededBy = 0;
      for (const [role, n] of Object.entries(roles) as [keyof typeof roles, number][]) {
        const m = matched[role];
        const before = m / Math.sqrt(n * 2);
        const has = needed[role]!.has(suggestion.skill.id);
        if (has) neededBy += 1;
        total += (has ? m + 1 : m) / Math.sqrt(n * 3) - before;
      }
      expect({ skill: suggestion.skill.id, gain: Number(suggestion.gain.toFixed(9)), neededBy: suggestion.neededBy }).toEqual({
        skill: suggestion.skill.id,
        gain: Number((total / 3).toFixed(9)),
        neededBy,
      });
    }
    const gains = suggestions.map((s) => s.gain);
    expect([...gains].sort((a, b) => b - a)).toEqual(gains);
    // A skill all three roles need, and the two given do not cover, comes first.
    expect(suggestions[0]?.neededBy).toBe(3);
  });

  it('says NOT_FOUND for an unknown target or skill', async () => {
    expectGraphQLError(await api.query(NEXT, { skills: ['mixing'], target: 'no-such-role' }), { code: 'NOT_FOUND', extensions: { ids: ['no-such-role'] } });
    expectGraphQLError(await api.query(NEXT, { skills: ['no-such-skill'] }), { code: 'NOT_FOUND', extensions: { ids: ['no-such-skill'] } });
  });
});

describe('skillGap', () => {
  const QUERY = `query ($from: ID!, $to: ID!) { skillGap(from: $from, to: $to) {
    from { id } to { id } transferable { id } toLearn { id } coverage plainCoverage fit } }`;

  it('from audio engineer to sound engineer: 10 of 19 skills carry over', async () => {
    const response = await api.query(QUERY, { from: 'audio-engineer', to: 'sound-engineer' });
    expectNoErrors(response);
    const gap = response.data?.skillGap;
    expect(gap.from.id).toBe('audio-engineer');
    expect(new Set(ids(gap.transferable))).toEqual(new Set([...SHARED_BY_ALL_THREE, ...AUDIO_AND_SOUND_ONLY]));
    expect(new Set(ids(gap.toLearn))).toEqual(new Set([...PRODUCER_AND_SOUND_ONLY, ...SOUND_ONLY]));
    expect(gap.plainCoverage).toBeCloseTo(10 / 19, 10);
    expect(gap.coverage).toBeCloseTo((7 * IDF3 + 3 * IDF2) / (7 * IDF3 + 8 * IDF2 + 4 * IDF1), 10);
    // recommendRoles' score of the sound engineer for the audio engineer's 11 skills.
    expect(gap.fit).toBeCloseTo(10 / Math.sqrt(19 * 11), 10);
    const recommended = await api.query(`query ($skills: [ID!]!) { recommendRoles(skills: $skills, first: 10) { role { id } score } }`, {
      skills: [...SHARED_BY_ALL_THREE, ...AUDIO_AND_SOUND_ONLY, ...AUDIO_ONLY],
    });
    const sound = (recommended.data?.recommendRoles as { role: { id: string }; score: number }[]).find((entry) => entry.role.id === 'sound-engineer');
    expect(sound?.score).toBe(gap.fit);
  });

  it('from sound engineer to music producer: music theory is to learn', async () => {
    const { data } = await api.query(QUERY, { from: 'sound-engineer', to: 'music-producer' });
    expect(ids(data?.skillGap.toLearn)).toContain('music-theory-and-composition');
    expect(new Set(ids(data?.skillGap.toLearn))).toEqual(new Set(PRODUCER_ONLY));
  });

  it('to a role without skills: nothing to learn, coverage 0', async () => {
    const { data } = await api.query(QUERY, { from: 'sound-engineer', to: 'lighting-engineer' });
    expect(data?.skillGap).toMatchObject({ transferable: [], toLearn: [], coverage: 0, plainCoverage: 0 });
  });

  it('names both unknown ids', async () => {
    const response = await api.query(QUERY, { from: 'x-from', to: 'x-to' });
    expectGraphQLError(response, { code: 'NOT_FOUND', extensions: { ids: ['x-from', 'x-to'] } });
  });
});

describe('reading only what a query selects', () => {
  const WIDE = {
    role: 'id name summary aliases citations { quote } externalCodes { code }',
    skill: 'id name category description aliases sources { quote source { id } }',
  };
  const ONE_MORE = { role: 'id summary', skill: 'id category' };
  type Kind = keyof typeof WIDE;
  /** A selection for each place a query lists nodes at, named by the field holding them. */
  type Pick = (kind: Kind, place: string) => string;
  const CASES: [string, Record<string, unknown>, Record<string, Kind>, (pick: Pick) => string][] = [
    ['skillOverlap', { a: 'music-producer', b: 'sound-engineer' }, { roleA: 'role', roleB: 'role', shared: 'skill', onlyA: 'skill', onlyB: 'skill' }, (pick) =>
      `query ($a: ID!, $b: ID!) { answer: skillOverlap(roleA: $a, roleB: $b) { roleA { ${pick('role', 'roleA')} } roleB { ${pick('role', 'roleB')} }
        shared { ${pick('skill', 'shared')} } onlyA { ${pick('skill', 'onlyA')} } onlyB { ${pick('skill', 'onlyB')} } } }`],
    ['overlap', { roles: ['music-producer', 'sound-engineer', 'audio-engineer'] }, { roles: 'role', shared: 'skill', role: 'role', items: 'skill' }, (pick) =>
      `query ($roles: [ID!]!) { answer: overlap(roles: $roles, dimension: SKILLS) { roles { ${pick('role', 'roles')} }
        shared { ... on Skill { ${pick('skill', 'shared')} } } distinct { role { ${pick('role', 'role')} } items { ... on Skill { ${pick('skill', 'items')} } } } } }`],
    ['similarRoles', { role: 'music-producer' }, { role: 'role', sharedSkills: 'skill' }, (pick) =>
      `query ($role: ID!) { answer: similarRoles(role: $role, first: 3) { role { ${pick('role', 'role')} } sharedSkills { ${pick('skill', 'sharedSkills')} } } }`],
    ['recommendRoles', { skills: ['mixing', 'acoustics'] }, { role: 'role', matched: 'skill', missing: 'skill' }, (pick) =>
      `query ($skills: [ID!]!) { answer: recommendRoles(skills: $skills, first: 3) { role { ${pick('role', 'role')} }
        matched { ${pick('skill', 'matched')} } missing { ${pick('skill', 'missing')} } } }`],
    ['skillGap', { a: 'music-producer', b: 'sound-engineer' }, { from: 'role', to: 'role', transferable: 'skill', toLearn: 'skill' }, (pick) =>
      `query ($a: ID!, $b: ID!) { answer: skillGap(from: $a, to: $b) { from { ${pick('role', 'from')} } to { ${pick('role', 'to')} }
        transferable { ${pick('skill', 'transferable')} } toLearn { ${pick('skill', 'toLearn')} } } }`],
  ];

  /** The wide answer cut down to what `pick` selects at each place (the nodes under a field of that name). */
  function cut(wide: unknown, places: Record<string, Kind>, pick: Pick, place?: string): unknown {
    if (Array.isArray(wide)) return wide.map((item) => cut(item, places, pick, place));
    if (wide === null || typeof wide !== 'object') return wide;
    const kind = place === undefined ? undefined : places[place];
    const keep = kind === undefined ? null : new Set(pick(kind, place as string).split(' '));
    return Object.fromEntries(
      Object.entries(wide as Record<string, unknown>)
        .filter(([key]) => keep === null || keep.has(key))
        .map(([key, value]) => [key, keep === null ? cut(value, places, pick, key) : value]),
    );
  }

  it.each(CASES)(
    '%s gives the same nodes with the fields selected, at each place it lists nodes, whether a query selects few fields or many',
    async (_name, variables, places, query) => {
      const wide = await api.query(query((kind) => WIDE[kind]), variables);
      expectNoErrors(wide);
      expect(JSON.stringify(wide.data)).toMatch(/"description":"[^"]+"/);
      for (const place of Object.keys(places)) {
        const pick: Pick = (kind, at) => (at === place ? ONE_MORE[kind] : 'id');
        const narrow = await api.query(query(pick), variables);
        expectNoErrors(narrow);
        expect({ place, data: narrow.data }).toEqual({ place, data: cut(wide.data, places, pick) });
      }
    },
  );

  it('reads a computed field of the listed nodes too (the whole node)', async () => {
    const response = await api.query(
      'query { skillGap(from: "music-producer", to: "sound-engineer") { toLearn { id roles { id } } } }',
    );
    expectNoErrors(response);
    const toLearn = response.data?.skillGap.toLearn as { id: string; roles: { id: string }[] }[];
    expect(toLearn.map((skill) => skill.id).sort()).toEqual([...SOUND_ONLY, ...AUDIO_AND_SOUND_ONLY].sort());
    expect(toLearn.every((skill) => skill.roles.some((role) => role.id === 'sound-engineer'))).toBe(true);
  });
});

describe('careerPath', () => {
  const CAREER = `query ($from: ID!, $to: ID!, $maxMoves: Int, $minSimilarity: Float) {
    careerPath(from: $from, to: $to, maxMoves: $maxMoves, minSimilarity: $minSimilarity) {
      moves { from { id } to { id } similarity parts { names duties skills } fit carriesOver { id } toLearn { skill { id } gain } fromJobZone toJobZone } } }`;
  type Move = {
    from: { id: string };
    to: { id: string };
    similarity: number;
    parts: { names: number; duties: number; skills: number };
    fit: number;
    carriesOver: { id: string }[];
    toLearn: { skill: { id: string }; gain: number }[];
  };

  it('moves between alike roles, each move scored and explained as similarRoles and skillGap say', async () => {
    const response = await api.query(CAREER, { from: 'audio-engineer', to: 'music-producer', minSimilarity: 0.05 });
    expectNoErrors(response);
    const moves = response.data?.careerPath.moves as Move[];
    expect(moves.length).toBeGreaterThanOrEqual(1);
    expect(moves[0]?.from.id).toBe('audio-engineer');
    expect(moves[moves.length - 1]?.to.id).toBe('music-producer');
    for (const [index, move] of moves.entries()) {
      if (index > 0) expect(move.from.id).toBe(moves[index - 1]?.to.id);
      expect(move.similarity).toBeGreaterThanOrEqual(0.05);
      const similar = (await api.query(`query ($id: ID!) { similarRoles(role: $id, first: 100) { role { id } score } }`, { id: move.from.id })).data?.similarRoles as { role: { id: string }; score: number }[];
      expect(similar.find((match) => match.role.id === move.to.id)?.score).toBe(move.similarity);
      const gap = (await api.query(`query ($from: ID!, $to: ID!) { skillGap(from: $from, to: $to) { fit transferable { id } toLearn { id } } }`, { from: move.from.id, to: move.to.id })).data?.skillGap;
      expect(move.fit).toBe(gap.fit);
      for (const skill of move.carriesOver) expect(ids(gap.transferable)).toContain(skill.id);
      for (const entry of move.toLearn) expect(ids(gap.toLearn)).toContain(entry.skill.id);
      expect(move.carriesOver.length).toBeLessThanOrEqual(5);
    }
  });

  it('gives no moves from a role to itself, null when no path is close enough, NOT_FOUND for unknown roles', async () => {
    expect((await api.query(CAREER, { from: 'sound-engineer', to: 'sound-engineer' })).data?.careerPath).toEqual({ moves: [] });
    expect((await api.query(CAREER, { from: 'audio-engineer', to: 'music-producer', minSimilarity: 1 })).data?.careerPath).toBeNull();
    expectGraphQLError(await api.query(CAREER, { from: 'audio-engineer', to: 'no-such-role' }), { code: 'NOT_FOUND', extensions: { ids: ['no-such-role'] } });
    expectGraphQLError(await api.query(CAREER, { from: 'audio-engineer', to: 'music-producer', maxMoves: 5 }), { code: 'BAD_USER_INPUT', extensionsContaining: { argument: 'maxMoves' } });
  });
});
