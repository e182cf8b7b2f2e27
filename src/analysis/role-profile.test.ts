import { SeededRandom } from '../../scripts/support/seeded-random';
import { buildProfiles, nearestNeighbours, profileSimilarity, taxonomyOfRole, type RoleFeatures } from './role-profile';

const role = (id: string, names: string[], duties: string[], skills: [string, number][], taxonomy = 'onet'): RoleFeatures => ({
  id,
  name: names[0] ?? id,
  taxonomy,
  names,
  duties,
  skills: skills.map(([skill, weight]) => ({ id: skill, weight })),
});

describe('role profiles', () => {
  const roles = [
    role('a', ['Sound engineer', 'Audio engineer'], ['Mix and master recordings'], [['mixing', 2], ['acoustics', 1]]),
    role('b', ['Sound technician'], ['Set up microphones and mix live sound'], [['mixing', 1], ['electronics', 1]]),
    role('c', ['Registered nurse'], ['Care for patients'], [['patient care', 2]]),
    role('d', ['Registered nurse'], ['Care for patients'], [['patient care', 2]]),
    role('e', ['Stock clerk'], [], []),
  ];
  const profiles = buildProfiles(roles);
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));
  const get = (id: string) => byId.get(id)!;

  it('gives a role the same profile as its copy a score of 1, and roles with nothing shared 0', () => {
    expect(profileSimilarity(get('c'), get('d')).score).toBe(1);
    expect(profileSimilarity(get('a'), get('c')).score).toBe(0);
  });

  it('is symmetric and between 0 and 1', () => {
    const ab = profileSimilarity(get('a'), get('b'));
    const ba = profileSimilarity(get('b'), get('a'));
    expect(ab.score).toBe(ba.score);
    expect(ab.score).toBeGreaterThan(0);
    expect(ab.score).toBeLessThan(1);
  });

  it('weighs the blocks as documented: Σ w·cos / (‖a‖‖b‖)', () => {
    const { score, parts } = profileSimilarity(get('a'), get('b'));
    // a and b both have all three blocks: ‖a‖ = ‖b‖ = √(1 + 1 + 0.5).
    expect(score).toBeCloseTo((parts.names + parts.duties + 0.5 * parts.skills) / 2.5, 10);
    // skills: a = (2, 1)/√5 over (mixing, acoustics), b = (1, 1)/√2 over (mixing, electronics).
    expect(parts.skills).toBeCloseTo(2 / Math.sqrt(5) / Math.sqrt(2), 10);
  });

  it('leaves out a term more than a quarter of the roles have, in a taxonomy of 100 roles or more', () => {
    const others = Array.from({ length: 96 }, (_, index) => `Other${index}`);
    const built = buildProfiles(['Sound engineer', 'Audio engineer', ...others, 'Civil engineer'].map((name) => role(name, [name], [], [])));
    // 99 roles: no cap, "engineer" (3 of 99) counts.
    expect([...built[0]!.blocks.names.keys()].sort()).toEqual(['engin', 'sound']);
    const many = Array.from({ length: 40 }, (_, index) => `Engineer ${index}x`);
    const capped = buildProfiles(['Sound engineer', ...others, ...many].map((name) => role(name, [name], [], [])));
    // 137 roles, 41 of them engineers (more than a quarter): "engineer" is left out.
    expect([...capped[0]!.blocks.names.keys()]).toEqual(['sound']);
  });

  it('counts a term every role of the taxonomy has for nothing', () => {
    const common = buildProfiles([role('x', ['Worker one'], [], []), role('y', ['Worker two'], [], [])]);
    expect(profileSimilarity(common[0]!, common[1]!).score).toBe(0);
  });

  it('compares roles within their taxonomy only', () => {
    const mixed = buildProfiles([role('p', ['Music producer'], [], [], 'curated'), role('q', ['Music producer'], [], [], 'esco'), role('r', ['Music producer'], [], [], 'esco'), ...['Dancer', 'Nurse', 'Pilot', 'Chef', 'Baker', 'Welder', 'Clerk'].map((name) => role(name, [name], [], [], 'esco'))]);
    const neighbours = nearestNeighbours(mixed, 10);
    expect(neighbours.get('p')).toEqual([]);
    expect(neighbours.get('q')?.map((match) => match.id)).toEqual(['r']);
  });

  it('gives an empty profile no neighbours and no score', () => {
    expect(get('e').norm).toBe(1);
    const empty = buildProfiles([role('z', [], [], [])])[0]!;
    expect(empty.norm).toBe(0);
    expect(profileSimilarity(empty, get('a')).score).toBe(0);
  });

  it('finds the same neighbours, scores and order as comparing every pair', () => {
    const random = new SeededRandom(5);
    const words = ['sound', 'audio', 'nurse', 'care', 'patient', 'mix', 'record', 'stock', 'clerk', 'teacher', 'school', 'music', 'studio', 'live', 'engineer', 'technician'];
    const pick = (n: number) => Array.from({ length: n }, () => words[random.int(words.length)]).join(' ');
    const many = Array.from({ length: 120 }, (_, index) =>
      role(`r${index}`, [pick(2), pick(3)], [pick(6), pick(5)], Array.from({ length: random.int(6) }, () => [`s${random.int(20)}`, 1 + random.int(3)] as [string, number]), index % 3 === 0 ? 'esco' : 'onet'),
    );
    const built = buildProfiles(many);
    const neighbours = nearestNeighbours(built, 7);
    for (const profile of built) {
      const brute = built
        .filter((other) => other.id !== profile.id && other.taxonomy === profile.taxonomy)
        .map((other) => profileSimilarity(profile, other))
        .filter((match) => match.score > 0)
        .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
        .slice(0, 7);
      const kept = neighbours.get(profile.id)!;
      expect(kept.map((match) => match.score)).toEqual(brute.map((match) => match.score));
      expect(kept.map((match) => match.id)).toEqual(brute.map((match) => match.id));
    }
  });

  it('tells the taxonomy from the id', () => {
    expect(taxonomyOfRole('onet-27-4014-00')).toBe('onet');
    expect(taxonomyOfRole('esco-occupation-abc')).toBe('esco');
    expect(taxonomyOfRole('music-producer')).toBe('curated');
  });
});
