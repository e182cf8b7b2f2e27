import type { GraphRows } from '../models/graph-rows';
import { weightsScopeOf, type WriteReport } from './graph-writer';

const counts = { created: 0, updated: 0, unchanged: 0 };

/** The report of a write of `rows`, each statement row as upsert-nodes and upsert-links return it. */
function report(nodes: Record<string, unknown>[], links: Record<string, unknown>[]): WriteReport {
  return { sources: counts, nodes: counts, links: counts, rows: { sources: [], nodes, links, aliases: [] } };
}

const rows = (nodes: GraphRows['nodes'], links: GraphRows['links']): GraphRows => ({ sources: [], nodes, links });
const requirement = (from: string, to: string) => ({ from, to, type: 'REQUIRES_SKILL' as const, properties: {} });

describe('the roles whose derived weights a write may have changed', () => {
  it('are every role when the write created a role: the number of roles is in every idf', () => {
    const written = rows([{ id: 'new-role', label: 'Role', properties: {} }], []);
    expect(weightsScopeOf(written, report([{ id: 'new-role', created: true }], []))).toBe('all');
  });

  it('are the role of a new requirement and the roles requiring its skill; of a changed one, its role alone', () => {
    const written = rows([], [requirement('a', 'x'), requirement('b', 'y'), requirement('c', 'z')]);
    const scope = weightsScopeOf(
      written,
      report(
        [],
        [
          { from: 'a', to: 'x', type: 'REQUIRES_SKILL', created: true, updated: false },
          { from: 'b', to: 'y', type: 'REQUIRES_SKILL', created: false, updated: true },
          { from: 'c', to: 'z', type: 'REQUIRES_SKILL', created: false, updated: false },
        ],
      ),
    );
    expect(scope).toEqual({ roles: ['a', 'b'], skills: ['x'] });
  });

  it('are none for an updated role, a new skill or a link of another type', () => {
    const written = rows(
      [
        { id: 'old-role', label: 'Role', properties: {} },
        { id: 'new-skill', label: 'Skill', properties: {} },
      ],
      [{ from: 'old-role', to: 'tool', type: 'USES_TOOL', properties: {} }],
    );
    const scope = weightsScopeOf(
      written,
      report(
        [
          { id: 'old-role', created: false, updated: true },
          { id: 'new-skill', created: true, updated: false },
        ],
        [{ from: 'old-role', to: 'tool', type: 'USES_TOOL', created: true, updated: false }],
      ),
    );
    expect(scope).toEqual({ roles: [], skills: [] });
  });
});
