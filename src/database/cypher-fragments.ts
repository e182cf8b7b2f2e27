import { RELATIONS, ROLE_RELATIONS } from '../models/relations';

/**
 * Parts of statements written out from the relation table when the catalog loads,
 * so that a relation type is listed in one place (src/models/relations.ts) and not
 * in every statement that expands it. A file names a fragment by a block comment,
 * `/*@name*\/` or `/*@name argument*\/`. Type names are allow-listed by construction:
 * they come from the table, never from a request.
 */
export const CYPHER_FRAGMENTS: Readonly<Record<string, (argument: string | undefined) => string>> = {
  /**
   * The branches of `CASE key.type`, one per type of a role's facts, each expanding
   * that type by its name from the role in the variable given (so a role's other
   * relationships are never read). Types counted both ways between roles also take
   * the links pointing at the role from other roles. Those come last.
   */
  'role-fact-branches': (owner) => {
    if (!owner || !/^[a-z]\w*$/.test(owner)) throw new Error(`role-fact-branches needs the role's variable, got "${owner ?? ''}"`);
    const ordered = [...ROLE_RELATIONS.filter((type) => !RELATIONS[type].bothWaysBetweenRoles), ...ROLE_RELATIONS.filter((type) => RELATIONS[type].bothWaysBetweenRoles)];
    return ordered
      .map((type) =>
        RELATIONS[type].bothWaysBetweenRoles
          ? `WHEN '${type}' THEN [(${owner})-[r:${type}]->(target:Node) WHERE NOT target:Role | [r, target]]\n      + [(${owner})-[r:${type}]-(target:Role) | [r, target]]`
          : `WHEN '${type}' THEN [(${owner})-[r:${type}]->(target:Node) | [r, target]]`,
      )
      .join('\n    ');
  },
  /** The types counted both ways between roles, as a relationship-type expression: `A|B`. */
  'both-ways-types': () => bothWays().join('|'),
  /** The same, as a list of strings to compare `type(r)` with: `'A', 'B'`. */
  'both-ways-type-list': () => bothWays().map((type) => `'${type}'`).join(', '),
};

const bothWays = () => ROLE_RELATIONS.filter((type) => RELATIONS[type].bothWaysBetweenRoles);

const MARKER = /\/\*@([a-z-]+)(?: (\w+))?\*\//g;

/** A file's text with every fragment it names written out; throws on a name the table has no fragment for. */
export function expandFragments(name: string, text: string): string {
  return text.replace(MARKER, (_marker, fragment: string, argument: string | undefined) => {
    const write = CYPHER_FRAGMENTS[fragment];
    if (!write) throw new Error(`${name}.cypher names an unknown fragment "${fragment}"`);
    return write(argument);
  });
}
