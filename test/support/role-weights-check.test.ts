import { recomputedRoleWeights, staleRoleWeights, type ReadCypher } from './role-weights-check';

/** Two roles and three requirements, as the two statements of recomputedRoleWeights would read them. */
function graph(stored: { skillWeight: number; priority: number | null }): ReadCypher {
  return async (cypher) =>
    cypher.includes('REQUIRES_SKILL')
      ? [
          { role: 'a', skill: 'x', importance: 4, essential: null, priority: 1 },
          { role: 'a', skill: 'y', importance: 2, essential: null, priority: stored.priority },
          { role: 'b', skill: 'x', importance: null, essential: false, priority: null },
        ]
      : [
          // a: idf(x) = ln(1 + 2/2), idf(y) = ln(1 + 2/1); w = 0.8 and 0.4; priorities 1 and e^(-1/10).
          { id: 'a', skillCount: 2, skillWeight: stored.skillWeight, skillNorm: Math.sqrt(1 + Math.exp(-0.2)) },
          { id: 'b', skillCount: 1, skillWeight: Math.log(2) * 0.5, skillNorm: 0.5 },
        ];
}

describe('the derived weights recomputed for checks', () => {
  const weightOfA = Math.log(2) * 0.8 + Math.log(3) * 0.4;

  it('finds nothing stale when the stored values are the formula\'s', async () => {
    const rows = await recomputedRoleWeights(graph({ skillWeight: weightOfA, priority: Math.exp(-0.1) }));
    expect(rows.find((row) => row.id === 'a')).toMatchObject({ expectedCount: 2, expectedWeight: weightOfA, expectedPriorities: [1, Math.exp(-0.1)] });
    expect(staleRoleWeights(rows)).toEqual([]);
  });

  it('names the role whose weight or priority is off in the ninth decimal', async () => {
    expect(staleRoleWeights(await recomputedRoleWeights(graph({ skillWeight: weightOfA + 2e-9, priority: Math.exp(-0.1) })))).toEqual(['a']);
    expect(staleRoleWeights(await recomputedRoleWeights(graph({ skillWeight: weightOfA, priority: null })))).toEqual(['a']);
  });
});
