import type { RoleFeatures } from '../analysis/role-profile';
import { indexChanges } from './role-neighbours';

const role = (id: string, skills: [string, number][]): RoleFeatures => ({
  id,
  name: id,
  taxonomy: 'curated',
  names: [id],
  duties: [],
  skills: skills.map(([skill, weight]) => ({ id: skill, weight })),
});

describe('indexChanges (the skill index kept with the role neighbours)', () => {
  const features = [role('b', [['mixing', 3], ['acoustics', 4]]), role('a', [['mixing', 1]]), role('c', [])];

  it('lists, per skill, the roles requiring it in id order with fw / ‖role‖', () => {
    const changes = indexChanges(features, [
      { id: 'mixing', ids: [], shares: [] },
      { id: 'acoustics', ids: [], shares: [] },
      { id: 'lighting', ids: [], shares: [] },
    ]);
    expect(changes).toEqual([
      { id: 'mixing', ids: ['a', 'b'], shares: [1, 3 / 5] },
      { id: 'acoustics', ids: ['b'], shares: [4 / 5] },
    ]);
  });

  it('leaves out the entries kept as they are, and empties those no role needs any more', () => {
    const changes = indexChanges(features, [
      { id: 'mixing', ids: ['a', 'b'], shares: [1, 0.6] },
      { id: 'acoustics', ids: ['b'], shares: [0.7] },
      { id: 'lighting', ids: ['a'], shares: [1] },
    ]);
    expect(changes).toEqual([
      { id: 'acoustics', ids: ['b'], shares: [0.8] },
      { id: 'lighting', ids: [], shares: [] },
    ]);
  });
});
