import { hopText, relationPhrase } from './relation-phrase';

describe('hopText', () => {
  it('points the arrow the way the relationship runs, keeping the path order', () => {
    expect(hopText({ relation: 'REQUIRES_SKILL', forward: true }, 'Music producer', 'Audio production')).toBe('Music producer —requires→ Audio production');
    expect(hopText({ relation: 'REQUIRES_SKILL', forward: false }, 'Audio production', 'Music producer')).toBe('Audio production ←requires— Music producer');
  });

  it('reads a relation this build does not know by its name', () => {
    expect(relationPhrase('MENTORS_IN')).toBe('mentors in');
    expect(hopText({ relation: 'MENTORS_IN', forward: false }, 'A', 'B')).toBe('A ←mentors in— B');
  });
});
