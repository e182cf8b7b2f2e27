import type { CypherRunner } from '../database/database';
import type { NodeRecord } from '../models/records';
import { toNode } from './row-mapping';

export interface NodePage {
  total: number;
  /** Up to `limit` nodes after the cursor, in id order. */
  nodes: NodeRecord[];
}

/** An occupation group's place in its hierarchy. */
export interface OccupationGroupNeighbours {
  broader: NodeRecord | null;
  /** Ordered by code. */
  narrower: NodeRecord[];
}

/** A skill's or skill group's place in ESCO's skills hierarchy. */
export interface SkillHierarchyNeighbours {
  /** A skill's groups, a group's broader groups; ordered by name. */
  broaderGroups: NodeRecord[];
  broaderSkills: NodeRecord[];
  /** A group's narrower groups, ordered by code then name. */
  narrowerGroups: NodeRecord[];
  /** A group's member skills, a skill's narrower skills; ordered by name. */
  narrowerSkills: NodeRecord[];
}

export const NO_SKILL_HIERARCHY: SkillHierarchyNeighbours = { broaderGroups: [], broaderSkills: [], narrowerGroups: [], narrowerSkills: [] };

/** Nodes by id, the roles that point at them, and pages of roles and skills. */
export class NodeRepository {
  constructor(private readonly run: CypherRunner) {}

  /** The nodes with these ids, in one statement; ids not found are absent from the map. */
  async findByIds(ids: readonly string[]): Promise<Map<string, NodeRecord>> {
    const rows = await this.run.read('nodes-by-ids', { ids });
    const nodes = rows.map((row) => toNode(row.node as Record<string, unknown>, row.label));
    return new Map(nodes.map((node) => [node.id, node]));
  }

  /** For each node id, the roles that point at it, ordered by name, in one statement. */
  async rolesPointingAt(ids: readonly string[]): Promise<Map<string, NodeRecord[]>> {
    const rows = await this.run.read('roles-by-node-ids', { ids });
    return new Map(
      rows.map((row) => [String(row.id), (row.roles as Record<string, unknown>[]).map((role) => toNode(role, 'Role'))]),
    );
  }

  /** For each occupation group id, the group it is part of (or null) and those part of it, in one statement. */
  async occupationGroupNeighbours(ids: readonly string[]): Promise<Map<string, OccupationGroupNeighbours>> {
    const rows = await this.run.read('occupation-group-neighbours', { ids });
    return new Map(
      rows.map((row) => [
        String(row.id),
        {
          broader: row.broader ? toNode(row.broader as Record<string, unknown>, 'OccupationGroup') : null,
          narrower: (row.narrower as Record<string, unknown>[]).map((group) => toNode(group, 'OccupationGroup')),
        },
      ]),
    );
  }

  /** For each skill or skill group id, the skills and groups one step above and below it, in one statement. */
  async skillHierarchyNeighbours(ids: readonly string[]): Promise<Map<string, SkillHierarchyNeighbours>> {
    const rows = await this.run.read('skill-hierarchy-neighbours', { ids });
    const nodes = (list: unknown, label: 'Skill' | 'SkillGroup') => (list as Record<string, unknown>[]).map((node) => toNode(node, label));
    return new Map(
      rows.map((row) => [
        String(row.id),
        {
          broaderGroups: nodes(row.broaderGroups, 'SkillGroup'),
          broaderSkills: nodes(row.broaderSkills, 'Skill'),
          narrowerGroups: nodes(row.narrowerGroups, 'SkillGroup'),
          narrowerSkills: nodes(row.narrowerSkills, 'Skill'),
        },
      ]),
    );
  }

  /** A page of roles (label Role) or skills (label Skill) after `after`, in id order. */
  async page(label: 'Role' | 'Skill', after: string | null, limit: number): Promise<NodePage> {
    // Ids are never empty, so '' comes before the first.
    const [row] = await this.run.read(label === 'Role' ? 'roles-page' : 'skills-page', { after: after ?? '', limit });
    const nodes = (row?.nodes as Record<string, unknown>[] | undefined) ?? [];
    return { total: Number(row?.total ?? 0), nodes: nodes.map((node) => toNode(node, label)) };
  }
}
