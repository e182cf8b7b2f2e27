import { drawMix, MIX, QUERY_KINDS } from './workload';

const pool = {
  roles: Array.from({ length: 40 }, (_, i) => `onet-${i}`),
  skills: Array.from({ length: 60 }, (_, i) => `skill-${i}`),
  profiles: [['skill-1', 'skill-2', 'skill-3', 'skill-4', 'skill-5']],
};

describe('the mix of the soak', () => {
  it('holds each kind in its share of the mix', () => {
    const mix = drawMix(QUERY_KINDS, pool, 1_000, 1);
    expect(mix).toHaveLength(1_000);
    for (const kind of QUERY_KINDS) expect(mix.filter((request) => request.kind === kind)).toHaveLength(Math.round(1_000 * MIX[kind]));
  });

  it('shares among the kinds asked for only', () => {
    const mix = drawMix(['similarRoles', 'paths'], pool, 300, 1);
    // similarRoles 0.2 and paths 0.1 of the mix: two thirds and one third.
    expect(mix.filter((request) => request.kind === 'similarRoles')).toHaveLength(200);
    expect(mix.filter((request) => request.kind === 'paths')).toHaveLength(100);
  });

  it('shuffles the kinds, the same way for the same seed', () => {
    const mix = drawMix(QUERY_KINDS, pool, 200, 7);
    const kinds = mix.map((request) => request.kind);
    // Not in blocks: the first 20 requests are of more than one kind.
    expect(new Set(kinds.slice(0, 20)).size).toBeGreaterThan(1);
    expect(drawMix(QUERY_KINDS, pool, 200, 7)).toEqual(mix);
    expect(drawMix(QUERY_KINDS, pool, 200, 8).map((request) => request.kind)).not.toEqual(kinds);
  });
});
