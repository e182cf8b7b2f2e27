import type { Row, TransactionRun } from '../database/database';
import type { WeightsScope } from '../database/role-weights';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import { RELATIONS, type RelationType } from '../models/relations';
import type { AliasRow, GraphRows, LinkRow } from '../models/graph-rows';
import { typedName } from '../database/cypher-catalog';

/** How many facts of one kind a write created, changed and left as they were. */
export interface ChangeCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** What writing a set of rows did, by kind, with each row's own outcome. */
export interface WriteReport {
  sources: ChangeCounts;
  nodes: ChangeCounts;
  links: ChangeCounts;
  /** One row per input row, in statement order: { created, updated, updatedAt, updatedBy, ... }; aliases: { id, alias, added }. */
  rows: { sources: Row[]; nodes: Row[]; links: Row[]; aliases: Row[] };
}

/**
 * The roles whose derived weights a write of these rows may have changed
 * (role-weights.ts): every role when it created a role (N changed); otherwise each
 * role given a requirement or a changed one, and each skill given a new requirement
 * (its df changed, and with it the weight of every role requiring it).
 */
export function weightsScopeOf(rows: GraphRows, report: WriteReport): WeightsScope {
  const labels = new Map(rows.nodes.map((node) => [node.id, node.label]));
  if (report.rows.nodes.some((row) => row.created === true && labels.get(String(row.id)) === 'Role')) return 'all';
  const roles = new Set<string>();
  const skills = new Set<string>();
  for (const row of report.rows.links) {
    if (row.type !== 'REQUIRES_SKILL' || (row.created !== true && row.updated !== true)) continue;
    roles.add(String(row.from));
    if (row.created === true) skills.add(String(row.to));
  }
  return { roles: [...roles], skills: [...skills] };
}

/**
 * What a write changes in the Sources' factCount: one per fact that starts or stops
 * citing a source (a fact citing one source twice, with two quotes, counts once).
 * Each writer collects the citations its statements return and applies the sum in
 * the same transaction (adjust-fact-counts.cypher), so the count is read, not scanned.
 */
export class FactCountChanges {
  private readonly deltas = new Map<string, number>();

  /** A fact written: the sources it cited before (null: it is new) and after. */
  cite(before: unknown, after: unknown): void {
    const was = new Set(asIds(before));
    const is = new Set(asIds(after));
    for (const id of is) if (!was.has(id)) this.add(id, 1);
    for (const id of was) if (!is.has(id)) this.add(id, -1);
  }

  /** Facts deleted: one list of cited sources per fact, as the delete statements return them. */
  removed(citations: unknown): void {
    for (const cited of Array.isArray(citations) ? citations : []) this.cite(cited, null);
  }

  async apply(run: TransactionRun): Promise<void> {
    const rows = [...this.deltas].filter(([, delta]) => delta !== 0).map(([id, delta]) => ({ id, delta }));
    if (rows.length > 0) await run('adjust-fact-counts', { rows });
  }

  private add(id: string, delta: number): void {
    this.deltas.set(id, (this.deltas.get(id) ?? 0) + delta);
  }
}

function asIds(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function counts(rows: Row[]): ChangeCounts {
  const created = rows.filter((row) => row.created === true).length;
  const updated = rows.filter((row) => row.updated === true).length;
  return { created, updated, unchanged: rows.length - created - updated };
}

/** Adds names to nodes, one statement row per node; returns one row per name: { id, alias, added }. */
async function addAliases(run: TransactionRun, rows: readonly AliasRow[], actor: string): Promise<Row[]> {
  const byNode = new Map<string, Set<string>>();
  for (const { id, alias } of rows) byNode.set(id, (byNode.get(id) ?? new Set()).add(alias));
  const written = await run('import-add-aliases', { rows: [...byNode].map(([id, aliases]) => ({ id, aliases: [...aliases] })), actor });
  const added = new Set(written.flatMap((row) => (row.added as string[]).map((alias) => `${String(row.id)}\u0000${alias}`)));
  const found = new Set(written.map((row) => String(row.id)));
  return rows.filter((row) => found.has(row.id)).map((row) => ({ id: row.id, alias: row.alias, added: added.has(`${row.id}\u0000${row.alias}`) }));
}

/**
 * Writes sources, nodes, links and added aliases inside the caller's transaction, stamping what
 * changed with `actor`. Throws, so that the caller's transaction rolls back, when an
 * id already belongs to a node of another kind (CONFLICT) or a link finds no end.
 * Shared by the curated loader, the dataset import and every curation mutation, so
 * that one set of statements decides what "changed" means.
 */
export async function writeGraphRows(run: TransactionRun, rows: GraphRows, actor: string): Promise<WriteReport> {
  const sources = rows.sources.length > 0 ? await run('upsert-sources', { rows: rows.sources, actor }) : [];
  const nodes = rows.nodes.length > 0 ? await run('upsert-nodes', { rows: rows.nodes, actor }) : [];
  const conflicts = nodes.filter((row) => row.conflict === true).map((row) => String(row.id));
  if (conflicts.length > 0) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `Id(s) already used by a node of another kind: ${conflicts.slice(0, 10).join(', ')}. Nothing was written.`,
      { ids: conflicts },
    );
  }
  const figures = rows.links
    .filter((link) => RELATIONS[link.type].figure)
    .map((link) => ({ figure: link.to, role: link.from, type: link.type }));
  const unlinked = figures.length > 0 ? await run('unlink-moved-figures', { rows: figures }) : [];
  // One statement per type: a type named in the text is expanded through its own relationships alone (see TYPED).
  const byType = new Map<RelationType, LinkRow[]>();
  for (const link of rows.links) {
    const typed = byType.get(link.type) ?? [];
    typed.push(link);
    byType.set(link.type, typed);
  }
  const links: Row[] = [];
  for (const [type, typed] of byType) links.push(...(await run(typedName('upsert-links', type), { rows: typed, actor })));
  const aliases = rows.aliases && rows.aliases.length > 0 ? await addAliases(run, rows.aliases, actor) : [];
  if (links.length !== rows.links.length) {
    // Callers check link ends before writing; a shortfall means the graph disagrees
    // with the rows (e.g. a node deleted meanwhile), so the whole write is undone.
    throw new Error(`${rows.links.length - links.length} link(s) found no end node; nothing was written`);
  }
  const factCounts = new FactCountChanges();
  for (const row of [...nodes, ...links]) factCounts.cite(row.citedBefore, row.citedAfter);
  for (const row of unlinked) factCounts.removed(row.cited);
  await factCounts.apply(run);
  return { sources: counts(sources), nodes: counts(nodes), links: counts(links), rows: { sources, nodes, links, aliases } };
}
