/**
 * The roles' derived weights (cypher/queries/refresh-role-weights.cypher) recomputed
 * here, in TypeScript, from the requirements as stored, for tests and the fault
 * scenario to hold the writers' values against:
 *   skillCount  = the role's requirements;
 *   skillWeight = Σ ln(1 + N / df(s)) · w over them, N the roles, df(s) the
 *                 requirements of s, w = importance / 5, 1 essential, 0.5 optional,
 *                 else 1;
 *   priority    = exp(−rank / 10) on each rated requirement, rank = the role's rated
 *                 requirements above it plus half of those level with it;
 *   skillNorm   = √(Σ (priority, else w)²).
 */

/** Read-only Cypher with parameters, returning each record as an object. */
export type ReadCypher = (cypher: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

/** One role's derived weights as stored, and as recomputed. */
export interface RoleWeightsRow {
  id: string;
  skillCount: unknown;
  skillWeight: unknown;
  skillNorm: unknown;
  /** Each requirement's stored priority, requirements in skill id order. */
  priorities: unknown[];
  expectedCount: number;
  expectedWeight: number;
  expectedNorm: number;
  expectedPriorities: (number | null)[];
}

const weightOf = (q: Record<string, unknown>): number =>
  typeof q.importance === 'number' ? q.importance / 5 : q.essential === true ? 1 : q.essential === false ? 0.5 : 1;

/** Every role's derived weights as stored, next to the values its requirements give. */
export async function recomputedRoleWeights(read: ReadCypher): Promise<RoleWeightsRow[]> {
  const roles = await read('MATCH (r:Role) RETURN r.id AS id, r.skillCount AS skillCount, r.skillWeight AS skillWeight, r.skillNorm AS skillNorm', {});
  const requirements = await read(
    'MATCH (r:Role)-[q:REQUIRES_SKILL]->(s:Skill) RETURN r.id AS role, s.id AS skill, q.importance AS importance, q.essential AS essential, q.priority AS priority ORDER BY s.id',
    {},
  );
  const df = new Map<string, number>();
  const byRole = new Map<string, Record<string, unknown>[]>();
  for (const q of requirements) {
    df.set(String(q.skill), (df.get(String(q.skill)) ?? 0) + 1);
    byRole.set(String(q.role), [...(byRole.get(String(q.role)) ?? []), q]);
  }
  return roles.map((role) => {
    const own = byRole.get(String(role.id)) ?? [];
    const rated = own.flatMap((q) => (typeof q.importance === 'number' ? [q.importance] : []));
    const priority = (q: Record<string, unknown>): number | null => {
      if (typeof q.importance !== 'number') return null;
      const importance = q.importance;
      const rank = rated.filter((other) => other > importance).length + (rated.filter((other) => other === importance).length - 1) / 2;
      return Math.exp(-rank / 10);
    };
    return {
      id: String(role.id),
      skillCount: role.skillCount,
      skillWeight: role.skillWeight,
      skillNorm: role.skillNorm,
      priorities: own.map((q) => q.priority ?? null),
      expectedCount: own.length,
      expectedWeight: own.reduce((total, q) => total + Math.log(1 + roles.length / (df.get(String(q.skill)) ?? 1)) * weightOf(q), 0),
      expectedNorm: Math.sqrt(own.reduce((total, q) => total + (priority(q) ?? weightOf(q)) ** 2, 0)),
      expectedPriorities: own.map(priority),
    };
  });
}

/** Whether two numbers agree to `digits` decimals, as Jest's toBeCloseTo has it. */
const close = (actual: unknown, expected: number, digits: number): boolean =>
  typeof actual === 'number' && Math.abs(actual - expected) < 10 ** -digits / 2;

/** The ids of the roles whose stored weights or priorities differ from the recomputed ones (to 9 decimals). */
export function staleRoleWeights(rows: readonly RoleWeightsRow[], digits = 9): string[] {
  return rows
    .filter(
      (row) =>
        Number(row.skillCount) !== row.expectedCount ||
        !close(row.skillWeight, row.expectedWeight, digits) ||
        !close(row.skillNorm, row.expectedNorm, digits) ||
        row.priorities.length !== row.expectedPriorities.length ||
        row.expectedPriorities.some((expected, index) => (expected === null ? row.priorities[index] !== null : !close(row.priorities[index], expected, digits))),
    )
    .map((row) => row.id);
}
