import type { Database, QueryStats, Row, TransactionRun } from '../database/database';
import { NO_WEIGHTS_CHANGE, refreshRoleWeights, type WeightsScope } from '../database/role-weights';
import { lockWriters } from '../database/writers-lock';
import type { RoleNeighboursRefresher } from '../database/role-neighbours';
import type { GraphRows } from '../models/graph-rows';
import { FactCountChanges, weightsScopeOf, writeGraphRows, type WriteReport } from './graph-writer';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import { isRelationType, RELATIONS, type RelationType } from '../models/relations';
import type { ChangeRecord } from '../models/records';
import type { NodeLabel } from '../models/node-labels';

export type WriteOutcome = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'DELETED' | 'ABSENT';

export interface RowOutcome {
  outcome: 'CREATED' | 'UPDATED' | 'UNCHANGED';
  lastChange: ChangeRecord | null;
}

export interface DeleteReport {
  id: string;
  deleted: boolean;
  nodes: number;
  links: number;
}

/** Who is writing and under which operation name (for transaction metadata). */
export interface WriteContext {
  actor: string;
  operation: string;
}

/** A stored `datetime` as a JS Date (the driver gives its own DateTime type). */
function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  const convertible = value as { toStandardDate?: () => Date };
  return typeof convertible.toStandardDate === 'function' ? convertible.toStandardDate() : new Date(String(value));
}

/** The outcome of one row of an upsert statement. */
export function rowOutcome(row: Row | undefined): RowOutcome {
  const at = toDate(row?.updatedAt);
  return {
    outcome: row?.created === true ? 'CREATED' : row?.updated === true ? 'UPDATED' : 'UNCHANGED',
    lastChange: at && typeof row?.updatedBy === 'string' ? { at, by: row.updatedBy } : null,
  };
}

/**
 * Every write the curation API makes. Each method is one transaction: checks that
 * the facts it refers to exist run inside it, so nothing changes between the check
 * and the write, and any failure rolls everything back.
 */
export class CurationRepository {
  /** `stats` and `deadline` are the request's, from its runner. */
  constructor(
    private readonly database: Database,
    private readonly stats: QueryStats,
    private readonly deadline: number,
    private readonly neighbours: RoleNeighboursRefresher | null = null,
  ) {}

  private pending = false;

  /**
   * Runs `work` in one write transaction; `work` returns its result and the roles whose
   * derived weights it may have changed (WeightsScope), which are brought up to date in
   * the same transaction.
   */
  private transaction<T>(context: WriteContext, work: (run: TransactionRun) => Promise<[T, WeightsScope]>, dryRun = false): Promise<T> {
    // Curation writes run one at a time (the writers' lock, taken first): their checks
    // and MERGEs see every write committed before, so racing twins of one link report
    // CREATED once, the weights' refresh counts every change before it, and they take
    // no other lock before this one, so they cannot deadlock on it.
    const workThenRefresh = async (run: TransactionRun) => {
      await lockWriters(run);
      const [result, scope] = await work(run);
      await refreshRoleWeights(run, scope);
      return result;
    };
    // The roles' kept neighbours are rebuilt after the commit, one refresh at a time
    // across requests. The mutation answers once a refresh that saw its write is done,
    // or at the request's deadline with the write committed and the refresh still to
    // come (neighboursPending), never with an error for a write that was made.
    return this.database.writeTransaction(context.operation, workThenRefresh, { dryRun, stats: this.stats, deadline: this.deadline, exclusive: true }).then(async (result) => {
      if (!dryRun && this.neighbours && !(await this.neighbours.request(this.deadline))) this.pending = true;
      return result;
    });
  }

  /** True once a write of this request answered before the kept neighbours reflected it. */
  get neighboursPending(): boolean {
    return this.pending;
  }

  async upsertSource(source: { id: string; title: string }, context: WriteContext): Promise<RowOutcome> {
    return this.transaction(context, async (run) => {
      const report = await writeGraphRows(run, { sources: [source], nodes: [], links: [] }, context.actor);
      return [rowOutcome(report.rows.sources[0]), NO_WEIGHTS_CHANGE];
    });
  }

  /** Deletes a source no fact cites; CONFLICT, writing nothing, while any does. */
  async deleteSource(id: string, context: WriteContext): Promise<DeleteReport> {
    return this.transaction(context, async (run) => {
      const [cited] = await run('source-citations', { ids: [id] });
      const citedBy = Number(cited?.facts ?? 0);
      if (citedBy > 0) {
        throw new AppError(ErrorCode.CONFLICT, `Source "${id}" is cited by ${citedBy} fact(s); deleting it would leave them without a source.`, {
          id,
          citedBy,
        });
      }
      const [row] = await run('delete-source', { id });
      const removed = Number(row?.removed ?? 0);
      return [{ id, deleted: removed > 0, nodes: removed, links: 0 }, NO_WEIGHTS_CHANGE];
    });
  }

  /**
   * Creates or updates one node (and, for a figure, its link from its role). The
   * cited sources must exist, and a figure's role must be a role.
   */
  async upsertNode(rows: GraphRows, context: WriteContext): Promise<RowOutcome & { id: string }> {
    const [entity] = rows.nodes;
    if (!entity || rows.nodes.length !== 1) throw new Error('upsertNode writes exactly one node');
    return this.transaction(context, async (run) => {
      await requireSources(run, citedSources(rows));
      for (const link of rows.links) await requireLinkEnds(run, link.type, link.from, link.to, { [link.to]: entity.label });
      const report = await writeGraphRows(run, rows, context.actor);
      const node = rowOutcome(report.rows.nodes[0]);
      const link = report.rows.links[0] ? rowOutcome(report.rows.links[0]) : null;
      const scope = weightsScopeOf(rows, report);
      // A figure moved to another role is an update even when its own properties are unchanged.
      if (node.outcome === 'UNCHANGED' && link && link.outcome !== 'UNCHANGED') return [{ id: entity.id, ...link, outcome: 'UPDATED' }, scope];
      return [{ id: entity.id, ...node }, scope];
    });
  }

  /** Creates or updates one link between existing nodes whose kinds suit its type. */
  async link(rows: GraphRows, context: WriteContext): Promise<RowOutcome> {
    const [link] = rows.links;
    if (!link || rows.links.length !== 1) throw new Error('link writes exactly one link');
    return this.transaction(context, async (run) => {
      await requireSources(run, citedSources(rows));
      await requireLinkEnds(run, link.type, link.from, link.to);
      const report = await writeGraphRows(run, rows, context.actor);
      return [rowOutcome(report.rows.links[0]), weightsScopeOf(rows, report)];
    });
  }

  async unlink(type: RelationType, from: string, to: string, context: WriteContext): Promise<WriteOutcome> {
    if (!isRelationType(type)) throw new AppError(ErrorCode.BAD_USER_INPUT, `Unknown relation ${type}.`, { argument: 'type' });
    return this.transaction(context, async (run) => {
      const [row] = await run('delete-link', { type, from, to });
      await factCountsAfterDelete(run, row?.cited);
      const removed = Number(row?.removed ?? 0) > 0;
      // A requirement taken away changes its role's totals and its skill's df.
      const scope = removed && type === 'REQUIRES_SKILL' ? { roles: [from], skills: [to] } : NO_WEIGHTS_CHANGE;
      return [removed ? 'DELETED' : 'ABSENT', scope];
    });
  }

  async deleteNode(id: string, context: WriteContext): Promise<DeleteReport> {
    return this.transaction(context, async (run) => {
      const [row] = await run('delete-node', { id });
      await factCountsAfterDelete(run, row?.cited);
      const nodes = Number(row?.nodes ?? 0);
      // A deleted role changes N, so every role; a deleted skill, the roles that required it.
      const scope: WeightsScope = row?.roleDeleted === true ? 'all' : { roles: (row?.requirers as string[] | undefined) ?? [], skills: [] };
      return [{ id, deleted: nodes > 0, nodes, links: Number(row?.links ?? 0) }, scope];
    });
  }

  /** Writes a whole validated dataset in one transaction, or with `dryRun` reports what it would change. */
  async importDataset(rows: GraphRows, dryRun: boolean, context: WriteContext): Promise<WriteReport> {
    return this.transaction(
      context,
      async (run) => {
        const report = await writeGraphRows(run, rows, context.actor);
        return [report, weightsScopeOf(rows, report)];
      },
      dryRun,
    );
  }
}

/** Takes the deleted facts off their Sources' factCount, in the deleting transaction. */
async function factCountsAfterDelete(run: TransactionRun, cited: unknown): Promise<void> {
  const changes = new FactCountChanges();
  changes.removed(cited);
  await changes.apply(run);
}

function citedSources(rows: GraphRows): string[] {
  const ids = new Set<string>();
  for (const row of [...rows.nodes, ...rows.links]) {
    for (const id of (row.properties.sourceIds as string[] | undefined) ?? []) ids.add(id);
  }
  return [...ids];
}

/** NOT_FOUND, naming them, when any cited source is not in the graph: a fact needs a real source. */
async function requireSources(run: TransactionRun, ids: string[]): Promise<void> {
  const found = new Set((await run('sources-by-ids', { ids })).map((row) => (row.source as { id: string }).id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new AppError(ErrorCode.NOT_FOUND, `No source with id ${missing.map((id) => `"${id}"`).join(', ')}; cite a source the graph holds.`, {
      ids: missing,
    });
  }
}

/**
 * NOT_FOUND when an end does not exist, BAD_USER_INPUT when it is of a kind the
 * relation does not allow (REQUIRES_SKILL goes from a Role to a Skill, and so on).
 * `pending` gives the labels of nodes written in the same transaction.
 */
async function requireLinkEnds(
  run: TransactionRun,
  type: RelationType,
  from: string,
  to: string,
  pending: Record<string, NodeLabel> = {},
): Promise<void> {
  const rows = await run('nodes-by-ids', { ids: [from, to].filter((id) => !(id in pending)) });
  const labels = new Map<string, string>([...Object.entries(pending), ...rows.map((row): [string, string] => [String((row.node as Row).id), String(row.label)])]);
  const missing = [from, to].filter((id) => !labels.has(id));
  if (missing.length > 0) throw new AppError(ErrorCode.NOT_FOUND, `No node with id ${missing.map((id) => `"${id}"`).join(', ')}.`, { ids: missing });
  const rule = RELATIONS[type];
  for (const [end, id, allowed] of [
    ['from', from, rule.from],
    ['to', to, rule.to],
  ] as const) {
    const label = labels.get(id) as string;
    if (!(allowed as readonly string[]).includes(label)) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `${type} needs a ${allowed.join(' or ')} at its "${end}" end; "${id}" is a ${label}.`, {
        argument: `input.${end}`,
      });
    }
  }
}
