import { buildProfiles, nearestNeighbours, PROFILE_VERSION, taxonomyOfRole, type RoleFeatures } from '../analysis/role-profile';
import { JOB_ZONE_PREFIX } from '../models/taxonomy-id';
import type { Database, Row } from './database';
import { lockWriters } from './writers-lock';

/** The id of the (:GraphState) node recording whether the kept neighbours are current. */
export const NEIGHBOURS_STATE = 'role-neighbours';

/** How many neighbours each role keeps: the most `similarRoles(first:)` asks for. */
export const KEPT_NEIGHBOURS = 100;
/** How long one refresh after a curation write may take (about 25 s with O*NET and ESCO loaded). */
export const NEIGHBOURS_REFRESH_TIMEOUT_MS = 300_000;
const PAGE = 2_000;
const WRITE_BATCH = 500;

/** What a refresh of the kept neighbours did. */
export interface RoleNeighboursReport {
  roles: number;
  /** Roles whose list changed and was written. */
  written: number;
  /** Skills whose index entry (the roles requiring them, with their shares) changed and was written. */
  skillsWritten: number;
  /** Milliseconds spent reading, computing and writing. */
  readMs: number;
  computeMs: number;
  writeMs: number;
}

/** Whether the kept neighbours are behind the graph: a writer marked them due, a refresh stopped half way, none was ever built, or other formulas built them. */
export async function roleNeighboursDue(database: Database): Promise<boolean> {
  const [row] = await database.runner(() => 'role-neighbours-state').read('role-neighbours-state', { state: NEIGHBOURS_STATE });
  return row?.due !== false || row?.building === true || row?.version !== PROFILE_VERSION;
}

/**
 * Rebuilds every role's kept neighbours (the PROFILE similarity) from the graph: reads
 * every role's features in one read transaction, computes the profiles and each role's
 * KEPT_NEIGHBOURS nearest in memory (src/analysis/role-profile.ts), then writes only the
 * roles whose list changed, in batches. The read transaction takes the due flag and
 * marks the refresh building until its last batch: a write meanwhile sets the flag
 * again, for the next refresh, and a refresh that stops half way is redone at start.
 * Memory: the features of all roles (tens of MB for O*NET and ESCO together).
 */
export async function refreshRoleNeighbours(database: Database, options: { timeoutMs: number; progress?: (line: string) => void }): Promise<RoleNeighboursReport> {
  const started = Date.now();
  const { rows, keptIndex } = await database.writeTransaction(
    'read role profiles',
    async (run) => {
      // Writers of role profiles take the writers' lock before any other (role-weights.ts):
      // so does the refresh, which writes roles and the state node they mark.
      await lockWriters(run);
      await run('role-neighbours-begin', { state: NEIGHBOURS_STATE });
      // Each page is made compact as it arrives (see RoleRow), so the driver's rows of
      // one page at most are alive at a time.
      const pages = async <T>(statement: 'role-profile-features' | 'skill-index-kept', params: Record<string, unknown>, compact: (row: Row) => T) => {
        const all: T[] = [];
        for (let after = ''; ; ) {
          const page = await run(statement, { ...params, after, page: PAGE });
          for (const row of page) all.push(compact(row));
          if (page.length < PAGE) break;
          after = String(page[page.length - 1]?.id);
        }
        return all;
      };
      const intern = interner();
      return {
        rows: await pages('role-profile-features', { jobZonePrefix: JOB_ZONE_PREFIX }, (row) => roleRow(row, intern)),
        keptIndex: await pages('skill-index-kept', {}, (row) => keptIndexRow(row, intern)),
      };
    },
    { timeoutMs: options.timeoutMs, exclusive: true },
  );
  const read = Date.now();
  const features: RoleFeatures[] = rows.map((row) => ({
    id: row.id,
    name: row.name,
    taxonomy: taxonomyOfRole(row.id),
    names: row.names,
    duties: row.duties,
    skills: pairs(row.skills),
  }));
  const neighbours = nearestNeighbours(buildProfiles(features), KEPT_NEIGHBOURS);
  const taxonomyRoles = new Map<string, number>();
  for (const feature of features) taxonomyRoles.set(feature.taxonomy, (taxonomyRoles.get(feature.taxonomy) ?? 0) + 1);
  const jobZones = new Map(rows.map((row) => [row.id, row.jobZone]));
  const computed = Date.now();
  const changed = rows.flatMap((row) => {
    const list = neighbours.get(row.id) ?? [];
    const ids = list.map((match) => match.id);
    const scores = list.map((match) => match.score);
    const zones = list.map((match) => jobZones.get(match.id) ?? 0);
    const jobZone = jobZones.get(row.id) ?? null;
    const same =
      sameList(row.similarIds, ids) && sameList(row.similarScores, scores) && sameList(row.similarZones, zones) && row.keptJobZone === jobZone;
    if (same) return [];
    return [
      {
        id: row.id,
        ids,
        scores,
        names: list.map((match) => match.parts.names),
        duties: list.map((match) => match.parts.duties),
        skills: list.map((match) => match.parts.skills),
        zones,
        jobZone,
      },
    ];
  });
  const skillRows = indexChanges(
    rows.map((row) => ({ id: row.id, skills: pairs(row.fitSkills) })),
    keptIndex,
  );
  // Role lists first, then skill entries, in batches; the last batch marks the refresh built.
  const batches: { statement: 'role-neighbours-set' | 'skill-index-set'; rows: Row[] }[] = [];
  for (let start = 0; start < changed.length; start += WRITE_BATCH) batches.push({ statement: 'role-neighbours-set', rows: changed.slice(start, start + WRITE_BATCH) });
  for (let start = 0; start < skillRows.length; start += WRITE_BATCH) batches.push({ statement: 'skill-index-set', rows: skillRows.slice(start, start + WRITE_BATCH) });
  let written = 0;
  let skillsWritten = 0;
  for (let index = 0; index < Math.max(batches.length, 1); index += 1) {
    const batch = batches[index];
    const last = index >= batches.length - 1;
    const count = await database.writeTransaction(
      'write role neighbours',
      async (run) => {
        await lockWriters(run);
        const [row] = batch ? await run(batch.statement, { rows: batch.rows }) : [{ written: 0 }];
        if (last) await run('role-neighbours-built', { state: NEIGHBOURS_STATE, version: PROFILE_VERSION, taxonomies: [...taxonomyRoles.keys()], taxonomyRoles: [...taxonomyRoles.values()] });
        return Number(row?.written ?? 0);
      },
      { timeoutMs: options.timeoutMs, exclusive: true },
    );
    if (batch?.statement === 'role-neighbours-set') written += count;
    else skillsWritten += count;
    if (batches.length > 1) options.progress?.(`role neighbours and skill index: ${index + 1} of ${batches.length} batch(es) written`);
  }
  const report = { roles: rows.length, written, skillsWritten, readMs: read - started, computeMs: computed - read, writeMs: Date.now() - computed };
  options.progress?.(
    `role neighbours: ${written} of ${report.roles} role(s) rewritten, and the skill index of ${skillsWritten} skill(s) (read ${(report.readMs / 1000).toFixed(1)} s, computed ${(report.computeMs / 1000).toFixed(1)} s, written ${(report.writeMs / 1000).toFixed(1)} s)`,
  );
  return report;
}

/** A role's skill requirements as a person's fit to it weighs them (recommend-roles.cypher). */
export interface FitProfile {
  id: string;
  /** Each requirement with its priority, or its weight where it has none. */
  skills: readonly { id: string; weight: number }[];
}

/**
 * The skill index (recommend-roles.cypher reads it): for each skill, the roles requiring
 * it in id order, each with the requirement's share of the role's fit profile,
 * fw / ‖role‖ (‖role‖ = √Σ fw², the skillNorm of refresh-role-weights.cypher). Returns
 * the entries that differ from those kept, an emptied one included.
 */
export function indexChanges(profiles: readonly FitProfile[], kept: readonly KeptIndexRow[]): { id: string; ids: string[]; shares: number[] }[] {
  const index = new Map<string, { ids: string[]; shares: number[] }>();
  for (const role of [...profiles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const norm = Math.sqrt(role.skills.reduce((total, skill) => total + skill.weight * skill.weight, 0));
    if (norm === 0) continue;
    for (const skill of role.skills) {
      const entry = index.get(skill.id) ?? { ids: [], shares: [] };
      entry.ids.push(role.id);
      entry.shares.push(skill.weight / norm);
      index.set(skill.id, entry);
    }
  }
  const changes: { id: string; ids: string[]; shares: number[] }[] = [];
  for (const row of kept) {
    const entry = index.get(row.id) ?? { ids: [], shares: [] };
    if (!sameList(row.ids, entry.ids) || !sameList(row.shares, entry.shares)) changes.push({ id: row.id, ...entry });
  }
  return changes;
}

function sameList<T>(a: ArrayLike<T>, b: ArrayLike<T>): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * A role as the refresh reads it (role-profile-features.cypher), compact: every id
 * interned, so a skill id the graph's requirements name 800 times is one string, and
 * weights and scores in typed arrays rather than [id, weight] pairs. On O*NET 29.0 and
 * ESCO v1.1.1 the rows as the driver gives them held 126 MB of heap; the rebuild's
 * live heap peaked at 266 MB before, about 150 MB now.
 */
interface RoleRow {
  id: string;
  name: string;
  names: string[];
  duties: string[];
  /** Requirements with their salience or weight (the similarity's). */
  skills: WeightedIds;
  /** Requirements with their priority or weight (the skill index's). */
  fitSkills: WeightedIds;
  jobZone: number | null;
  similarIds: string[];
  similarScores: Float64Array;
  similarZones: Float64Array;
  keptJobZone: number | null;
}

interface WeightedIds {
  ids: string[];
  weights: Float64Array;
}

/** The pairs the profile formulas take, made for one stage at a time. */
function pairs(list: WeightedIds): { id: string; weight: number }[] {
  return list.ids.map((id, index) => ({ id, weight: list.weights[index] as number }));
}

/** A skill's entry of the skill index as kept now (skill-index-kept.cypher). */
export interface KeptIndexRow {
  id: string;
  ids: readonly string[];
  shares: ArrayLike<number>;
}

/** One string per distinct text: the driver makes a new one each time a value is read. */
function interner(): (value: unknown) => string {
  const known = new Map<string, string>();
  return (value) => {
    const text = String(value);
    const kept = known.get(text);
    if (kept !== undefined) return kept;
    known.set(text, text);
    return text;
  };
}

const numberOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

function weightedIds(pairs: unknown, intern: (value: unknown) => string): WeightedIds {
  const list = pairs as [string, number][];
  return { ids: list.map(([id]) => intern(id)), weights: Float64Array.from(list, ([, weight]) => Number(weight)) };
}

function roleRow(row: Row, intern: (value: unknown) => string): RoleRow {
  return {
    id: intern(row.id),
    name: String(row.name),
    names: row.names as string[],
    duties: row.duties as string[],
    skills: weightedIds(row.skills, intern),
    fitSkills: weightedIds(row.fitSkills, intern),
    jobZone: numberOrNull(row.jobZone),
    similarIds: (row.similarIds as string[]).map(intern),
    similarScores: Float64Array.from(row.similarScores as number[], Number),
    similarZones: Float64Array.from(row.similarZones as number[], Number),
    keptJobZone: numberOrNull(row.keptJobZone),
  };
}

function keptIndexRow(row: Row, intern: (value: unknown) => string): KeptIndexRow {
  return { id: intern(row.id), ids: (row.ids as string[]).map(intern), shares: Float64Array.from(row.shares as number[], Number) };
}

/**
 * Runs refreshes one at a time, after writes that do not refresh in their own
 * transaction (curation mutations). A request is served by the first refresh that
 * starts after it: requests made while one runs share the next run, however many
 * came meanwhile.
 */
export class RoleNeighboursRefresher {
  /** Requests the next run serves. */
  private waiting: (() => void)[] = [];
  private loop: Promise<void> | null = null;

  /** `refresh` is one full refresh, e.g. `() => refreshRoleNeighbours(database, { timeoutMs })`. */
  constructor(
    private readonly refresh: () => Promise<unknown>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /**
   * Asks for a refresh. Resolves true once a refresh that started after the request
   * has ended (a failed one included: `onError` has it, and the next write asks
   * again), or false at `deadline` (epoch ms) if none has; the refresh goes on.
   */
  request(deadline = Number.POSITIVE_INFINITY): Promise<boolean> {
    const served = new Promise<boolean>((resolve) => this.waiting.push(() => resolve(true)));
    this.loop ??= this.run();
    if (!Number.isFinite(deadline)) return served;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
    });
    return Promise.race([served, late]).finally(() => clearTimeout(timer));
  }

  private async run(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0);
      try {
        await this.refresh();
      } catch (error) {
        this.onError(error);
      }
      for (const serve of batch) serve();
    }
    this.loop = null;
  }

  /** Waits for the refreshes asked for so far (at shutdown, and in tests). */
  async idle(): Promise<void> {
    while (this.loop) await this.loop;
  }
}
