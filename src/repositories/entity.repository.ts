import type { CypherRunner } from '../database/database';
import type { EntityRecord } from '../models/records';
import { toEntity } from './row-mapping';

export interface EntityPage {
  total: number;
  /** Up to `limit` entities after the cursor, in id order. */
  nodes: EntityRecord[];
}

/** Nodes by id, the roles that point at them, and pages of roles and skills. */
export class EntityRepository {
  constructor(private readonly run: CypherRunner) {}

  /** The nodes with these ids, in one statement; ids not found are absent from the map. */
  async findByIds(ids: readonly string[]): Promise<Map<string, EntityRecord>> {
    const rows = await this.run.read('entities-by-ids', { ids });
    const entities = rows.map((row) => toEntity(row.node as Record<string, unknown>, row.label));
    return new Map(entities.map((entity) => [entity.id, entity]));
  }

  /** For each node id, the roles that point at it, ordered by name, in one statement. */
  async rolesPointingAt(ids: readonly string[]): Promise<Map<string, EntityRecord[]>> {
    const rows = await this.run.read('roles-by-entity-ids', { ids });
    return new Map(
      rows.map((row) => [String(row.id), (row.roles as Record<string, unknown>[]).map((role) => toEntity(role, 'Role'))]),
    );
  }

  /** A page of roles (label Role) or skills (label Skill) after `after`, in id order. */
  async page(label: 'Role' | 'Skill', after: string | null, limit: number): Promise<EntityPage> {
    const [row] = await this.run.read(label === 'Role' ? 'roles-page' : 'skills-page', { after, limit });
    const nodes = (row?.nodes as Record<string, unknown>[] | undefined) ?? [];
    return { total: Number(row?.total ?? 0), nodes: nodes.map((node) => toEntity(node, label)) };
  }
}
