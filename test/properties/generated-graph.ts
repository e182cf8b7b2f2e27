import fc from 'fast-check';
import type { RelationType } from '../../src/models/relations';

/**
 * Small generated careers graphs for the property tests: a compact description
 * (what fast-check prints as a counterexample), the curated dataset it stands for
 * (loaded through the real validator and loader), and a model of it in TypeScript
 * that computes every expected answer independently of Cypher.
 */

export type GenKind = 'Role' | 'Skill' | 'Responsibility' | 'Setting' | 'Tool' | 'Education' | 'Collaborator' | 'SalaryFigure';

export interface GenNode {
  id: string;
  kind: GenKind;
  /** null for figures, which have no name. */
  name: string | null;
}

/** A requirement's weights, as O*NET (importance 1..5) or ESCO (essential or optional) give them. */
export interface GenWeight {
  importance?: number;
  essential?: boolean;
}

/** [type, from, to, weight?], as in the dataset (HAS_SALARY stands for a salary figure's `role`). */
export type GenLink = [RelationType, string, string, GenWeight?];

export interface GenGraph {
  nodes: GenNode[];
  links: GenLink[];
}

const MAX = { roles: 8, skills: 12, responsibilities: 3, settings: 3, tools: 3, education: 2, collaborators: 2 } as const;

/** Role-to-item link flags: a link exists when its flag is at least 10 - density (shrinks towards no link). */
const flags = (count: number) => fc.array(fc.nat(9), { minLength: count, maxLength: count });
const names = (count: number) => fc.array(fc.nat(99), { minLength: count, maxLength: count });

/**
 * 2..8 roles, minSkills..12 skills, up to 3 responsibilities, settings and tools, up to 2
 * education levels and collaborators, up to 2 salary figures; random links of every kind.
 * Names are `Kind n` with n drawn from 0..99, so they are mostly but not always unique.
 */
export function graphArbitrary(options: { minSkills?: number } = {}): fc.Arbitrary<GenGraph> {
  return fc
    .record({
      roles: fc.integer({ min: 2, max: MAX.roles }),
      skills: fc.integer({ min: options.minSkills ?? 0, max: MAX.skills }),
      responsibilities: fc.integer({ min: 0, max: MAX.responsibilities }),
      settings: fc.integer({ min: 0, max: MAX.settings }),
      tools: fc.integer({ min: 0, max: MAX.tools }),
      education: fc.integer({ min: 0, max: MAX.education }),
      collaborators: fc.integer({ min: 0, max: MAX.collaborators }),
      density: fc.integer({ min: 1, max: 6 }),
      names: fc.record({
        roles: names(MAX.roles),
        skills: names(MAX.skills),
        responsibilities: names(MAX.responsibilities),
        settings: names(MAX.settings),
        tools: names(MAX.tools),
        education: names(MAX.education),
        collaborators: names(MAX.collaborators),
      }),
      requires: flags(MAX.roles * MAX.skills),
      // 0..6 no weight (shrinks to none), 7..11 importance 1..5, 12 essential, 13 optional.
      weights: fc.array(fc.nat(13), { minLength: MAX.roles * MAX.skills, maxLength: MAX.roles * MAX.skills }),
      responsible: flags(MAX.roles * MAX.responsibilities),
      worksIn: flags(MAX.roles * MAX.settings),
      usesTool: flags(MAX.roles * MAX.tools),
      educated: flags(MAX.roles * MAX.education),
      // [from, to, stated both ways] (the curated data states most role-to-role links both ways).
      related: fc.array(fc.tuple(fc.nat(MAX.roles - 1), fc.nat(MAX.roles - 1), fc.boolean()), { maxLength: 4 }),
      collaborates: fc.array(fc.tuple(fc.nat(MAX.roles - 1), fc.nat(MAX.roles + MAX.collaborators - 1), fc.boolean()), { maxLength: 4 }),
      salaries: fc.array(fc.nat(MAX.roles - 1), { maxLength: 2 }),
    })
    .map((spec) => {
      const nodes: GenNode[] = [];
      const links: GenLink[] = [];
      const keys = new Set<string>();
      const link = (type: RelationType, from: string, to: string, weight?: GenWeight) => {
        const key = `${from}|${type}|${to}`;
        if (from === to || keys.has(key)) return;
        keys.add(key);
        links.push(weight ? [type, from, to, weight] : [type, from, to]);
      };
      const weightOf = (value: number): GenWeight | undefined =>
        value >= 7 && value <= 11 ? { importance: value - 6 } : value === 12 ? { essential: true } : value === 13 ? { essential: false } : undefined;
      const section = (kind: GenKind, idPrefix: string, count: number, nameSeeds: number[]) => {
        const ids = Array.from({ length: count }, (_, index) => `${idPrefix}-${index}`);
        ids.forEach((id, index) => nodes.push({ id, kind, name: `${kind} ${nameSeeds[index]}` }));
        return ids;
      };
      const roles = section('Role', 'role', spec.roles, spec.names.roles);
      const skills = section('Skill', 'skill', spec.skills, spec.names.skills);
      const duties = section('Responsibility', 'duty', spec.responsibilities, spec.names.responsibilities);
      const settings = section('Setting', 'setting', spec.settings, spec.names.settings);
      const tools = section('Tool', 'tool', spec.tools, spec.names.tools);
      const education = section('Education', 'education', spec.education, spec.names.education);
      const collaborators = section('Collaborator', 'collaborator', spec.collaborators, spec.names.collaborators);

      const grid = (type: RelationType, items: string[], max: number, values: number[]) => {
        roles.forEach((role, r) =>
          items.forEach((item, i) => {
            const weight = type === 'REQUIRES_SKILL' ? weightOf(spec.weights[r * max + i] ?? 0) : undefined;
            if ((values[r * max + i] ?? 0) >= 10 - spec.density) link(type, role, item, weight);
          }),
        );
      };
      grid('REQUIRES_SKILL', skills, MAX.skills, spec.requires);
      grid('HAS_RESPONSIBILITY', duties, MAX.responsibilities, spec.responsible);
      grid('WORKS_IN', settings, MAX.settings, spec.worksIn);
      grid('USES_TOOL', tools, MAX.tools, spec.usesTool);
      grid('REQUIRES_EDUCATION', education, MAX.education, spec.educated);
      for (const [a, b, bothWays] of spec.related) {
        link('RELATED_TO', roles[a % roles.length]!, roles[b % roles.length]!);
        if (bothWays) link('RELATED_TO', roles[b % roles.length]!, roles[a % roles.length]!);
      }
      for (const [a, b, bothWays] of spec.collaborates) {
        const from = roles[a % roles.length]!;
        const toRole = b < MAX.roles || collaborators.length === 0;
        const to = toRole ? roles[b % roles.length]! : collaborators[(b - MAX.roles) % collaborators.length]!;
        link('COLLABORATES_WITH', from, to);
        if (bothWays && toRole) link('COLLABORATES_WITH', to, from);
      }
      spec.salaries.forEach((r, index) => {
        const id = `salary-${index}`;
        nodes.push({ id, kind: 'SalaryFigure', name: null });
        link('HAS_SALARY', roles[r % roles.length]!, id);
      });
      return { nodes, links };
    });
}

const CATEGORIES = ['creative', 'technical', 'interpersonal', 'organisational'] as const;
const TOOL_KINDS = ['daw', 'hardware', 'software'] as const;

/** The graph as a `careers-graph/curated@1` document citing the one source `gen`. */
export function toDataset(graph: GenGraph): unknown {
  let facts = 0;
  const citations = () => {
    facts += 1;
    return facts % 3 === 0 ? [{ source: 'gen', quote: `Generated fact ${facts}.` }] : [{ source: 'gen' }];
  };
  const of = (kind: GenKind) => graph.nodes.filter((node) => node.kind === kind);
  const named = (node: GenNode) => ({ id: node.id, name: node.name as string, citations: citations() });
  return {
    format: 'careers-graph/curated@1',
    sources: [{ id: 'gen', title: 'Generated graph' }],
    entities: {
      roles: of('Role').map((node) => ({ ...named(node), aliases: [] })),
      skills: of('Skill').map((node, index) => ({ ...named(node), category: CATEGORIES[index % CATEGORIES.length], aliases: [] })),
      responsibilities: of('Responsibility').map(named),
      settings: of('Setting').map(named),
      tools: of('Tool').map((node, index) => ({ ...named(node), kind: TOOL_KINDS[index % TOOL_KINDS.length] })),
      education: of('Education').map(named),
      collaborators: of('Collaborator').map(named),
    },
    figures: {
      salaries: graph.links
        .filter(([type]) => type === 'HAS_SALARY')
        .map(([, role, id], index) => ({
          id,
          role,
          median: 40_000 + 1_000 * index,
          currency: 'USD',
          period: 'year',
          statistic: 'median',
          citations: citations(),
        })),
      growth: [],
    },
    links: graph.links
      .filter(([type]) => type !== 'HAS_SALARY')
      .map(([type, from, to, weight], index) => ({
        type,
        from,
        to,
        ...weight,
        ...(type === 'RELATED_TO' ? { reason: `Generated reason ${index}.` } : {}),
        ...(index % 4 === 3 ? { inferred: true } : {}),
        citations: citations(),
      })),
  };
}

/** Code-point order, as Cypher's ORDER BY on strings; null last. */
export function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** The graph in TypeScript: sets, weights, distances and paths, computed without the database. */
export class GraphModel {
  readonly nodes = new Map<string, GenNode>();
  readonly roles: string[];
  readonly skills: string[];

  constructor(readonly graph: GenGraph) {
    for (const node of graph.nodes) this.nodes.set(node.id, node);
    this.roles = graph.nodes.filter((node) => node.kind === 'Role').map((node) => node.id);
    this.skills = graph.nodes.filter((node) => node.kind === 'Skill').map((node) => node.id);
  }

  name(id: string): string | null {
    return this.nodes.get(id)?.name ?? null;
  }

  /** Nodes `role` points at with `type`. */
  targets(role: string, type: RelationType): Set<string> {
    return new Set(this.graph.links.filter(([t, from]) => t === type && from === role).map(([, , to]) => to));
  }

  skillsOf(role: string): Set<string> {
    return this.targets(role, 'REQUIRES_SKILL');
  }

  /** idf(s) = ln(1 + N / df(s)), N the number of roles, df(s) the roles requiring s. */
  idf(skill: string): number {
    const df = this.roles.filter((role) => this.skillsOf(role).has(skill)).length;
    return Math.log(1 + this.roles.length / df);
  }

  weight(skills: Iterable<string>): number {
    let total = 0;
    for (const skill of skills) total += this.idf(skill);
    return total;
  }

  /** w(role, s): importance / 5, 1 when essential, 0.5 when optional, 1 without a weight; 0 when not required. */
  requirementWeight(role: string, skill: string): number {
    const found = this.graph.links.find(([type, from, to]) => type === 'REQUIRES_SKILL' && from === role && to === skill);
    if (!found) return 0;
    const weight = found[3];
    if (weight?.importance !== undefined) return weight.importance / 5;
    if (weight?.essential !== undefined) return weight.essential ? 1 : 0.5;
    return 1;
  }

  /**
   * fw(role, s), as a person's fit weighs a requirement: where it has an importance, its
   * priority exp(−rank / 10), rank = the role's requirements rated above it plus half of
   * those rated the same (itself left out); else its weight.
   */
  fitWeight(role: string, skill: string): number {
    const found = this.graph.links.find(([type, from, to]) => type === 'REQUIRES_SKILL' && from === role && to === skill);
    const importance = found?.[3]?.importance;
    if (importance === undefined) return this.requirementWeight(role, skill);
    const rated = this.graph.links.flatMap(([type, from, , weight]) =>
      type === 'REQUIRES_SKILL' && from === role && weight?.importance !== undefined ? [weight.importance] : [],
    );
    const rank = rated.filter((other) => other > importance).length + (rated.filter((other) => other === importance).length - 1) / 2;
    return Math.exp(-rank / 10);
  }

  /** Σ idf(s)·min(wA, wB) / Σ idf(s)·max(wA, wB) over the union of the two roles' skills. */
  weightedJaccard(a: string, b: string): number {
    let shared = 0;
    let all = 0;
    for (const skill of new Set([...this.skillsOf(a), ...this.skillsOf(b)])) {
      const [wa, wb] = [this.requirementWeight(a, skill), this.requirementWeight(b, skill)];
      shared += this.idf(skill) * Math.min(wa, wb);
      all += this.idf(skill) * Math.max(wa, wb);
    }
    return shared / all;
  }

  /** Σ idf(s)·w(role, s) over the role's skills among `given` / the same over all its skills; 0 without skills. */
  coverage(role: string, given: ReadonlySet<string>): number {
    let covered = 0;
    let all = 0;
    for (const skill of this.skillsOf(role)) {
      const part = this.idf(skill) * this.requirementWeight(role, skill);
      all += part;
      if (given.has(skill)) covered += part;
    }
    return all === 0 ? 0 : covered / all;
  }

  /**
   * The recommendRoles score: Σ w(role, s) over the role's skills among `given` / (‖role‖·√|given|),
   * ‖role‖ = √(Σ w(role, s)² over its skills); 0 when either side is empty; w is fitWeight.
   */
  fit(role: string, given: ReadonlySet<string>): number {
    let matched = 0;
    let squares = 0;
    for (const skill of this.skillsOf(role)) {
      const weight = this.fitWeight(role, skill);
      squares += weight * weight;
      if (given.has(skill)) matched += weight;
    }
    return squares === 0 || given.size === 0 ? 0 : matched / (Math.sqrt(squares) * Math.sqrt(given.size));
  }

  /** Undirected adjacency over the links of the given types (all types when omitted). */
  adjacency(types?: ReadonlySet<string>): Map<string, Set<string>> {
    const adjacency = new Map<string, Set<string>>();
    for (const id of this.nodes.keys()) adjacency.set(id, new Set());
    for (const [type, from, to] of this.graph.links) {
      if (types && !types.has(type)) continue;
      adjacency.get(from)!.add(to);
      adjacency.get(to)!.add(from);
    }
    return adjacency;
  }

  /** Breadth-first distances from `start` over the undirected graph of the given link types. */
  distances(start: string, types?: ReadonlySet<string>): Map<string, number> {
    const adjacency = this.adjacency(types);
    const distance = new Map<string, number>([[start, 0]]);
    const queue = [start];
    for (let head = 0; head < queue.length; head += 1) {
      const here = queue[head]!;
      for (const next of adjacency.get(here) ?? []) {
        if (distance.has(next)) continue;
        distance.set(next, distance.get(here)! + 1);
        queue.push(next);
      }
    }
    return distance;
  }

  /** Link types joining two nodes, in either direction, among `types`. */
  typesBetween(a: string, b: string, types: ReadonlySet<string>): Set<string> {
    return new Set(
      this.graph.links
        .filter(([type, from, to]) => types.has(type) && ((from === a && to === b) || (from === b && to === a)))
        .map(([type]) => type),
    );
  }

  /** Every simple path (as a node sequence) from `start` to `end` of 1..maxHops hops over `types`. */
  simplePaths(start: string, end: string, maxHops: number, types: ReadonlySet<string>): string[][] {
    const adjacency = this.adjacency(types);
    const found: string[][] = [];
    const walk = (path: string[]) => {
      const here = path[path.length - 1]!;
      if (here === end) {
        found.push([...path]);
        return;
      }
      if (path.length - 1 >= maxHops) return;
      for (const next of adjacency.get(here) ?? []) {
        if (path.includes(next)) continue;
        path.push(next);
        walk(path);
        path.pop();
      }
    };
    walk([start]);
    return found;
  }
}
