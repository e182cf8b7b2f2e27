import type { NodeLabel } from './node-labels';
import type { RoleFactField } from './relations';

/**
 * Shapes of what the repositories read from Neo4j. GraphQL Code Generator maps the
 * schema's object types onto these (see `mappers` in codegen.ts), so resolvers are
 * typed against what the database really returns.
 */

/** One piece of evidence: the cited document and the supporting phrase, if any. */
export interface CitationRecord {
  sourceId: string;
  quote: string | null;
}

/**
 * Any node of the graph. Properties not carried by a label are null; which ones
 * each label carries is fixed by the curated data schema (src/data/curated-schema.ts).
 */
export interface NodeRecord {
  label: NodeLabel;
  id: string;
  name: string | null;
  aliases: string[];
  citations: CitationRecord[];
  inferred: boolean;
  summary?: string | null;
  category?: string | null;
  description?: string | null;
  kind?: string | null;
  /** An occupation group's code in its classification (ISCO-08: 1 to 4 digits); a skill group's ESCO code. */
  code?: string | null;
  /** A skill group's depth in ESCO's skills hierarchy (0 to 3). */
  level?: number | null;
  median?: number | null;
  low?: number | null;
  high?: number | null;
  currency?: string | null;
  year?: number | null;
  period?: string | null;
  statistic?: string | null;
  provider?: string | null;
  population?: string | null;
  note?: string | null;
  percent?: number | null;
  mean?: number | null;
  p10?: number | null;
  p25?: number | null;
  p75?: number | null;
  p90?: number | null;
  employment?: number | null;
  baseEmployment?: number | null;
  projectedEmployment?: number | null;
  /** A figure published by SOC code (the BLS's): the SOC 2018 detailed occupation it is for, e.g. `27-4014`. */
  socCode?: string | null;
  /** `SYSTEM:code` strings, e.g. `ONET_SOC:27-4014.00`; see parseExternalCodes in code-systems.ts. */
  externalCodes?: string[] | null;
}

/**
 * The figures a role reaches through its equivalents for one SOC code (Role.equivalentFigures):
 * the equivalents refining that code, and one figure per source of each kind.
 */
export interface EquivalentFiguresRecord {
  socCode: string;
  via: NodeRecord[];
  salaries: NodeRecord[];
  growth: NodeRecord[];
}

/** A relationship stating a fact about a role, with the node at its far end. */
export interface LinkRecord {
  target: NodeRecord;
  citations: CitationRecord[];
  inferred: boolean;
  reason: string | null;
  /** Weights a taxonomy gives the link (importance, level, essential, tier, rank); null where absent. */
  importance?: number | null;
  level?: number | null;
  essential?: boolean | null;
  tier?: string | null;
  rank?: number | null;
  /** Flags and codes a taxonomy gives the link: a task's core, a technology's hot and in demand, a tool's UNSPSC commodity. */
  core?: boolean | null;
  hot?: boolean | null;
  inDemand?: boolean | null;
  commodityCode?: string | null;
  commodity?: string | null;
  /** For an equivalence a crosswalk states: the crosswalk's name, and the kind of match where it gives one. */
  crosswalk?: string | null;
  match?: string | null;
  /**
   * For an O*NET required level of education: the percent of the occupation's workers
   * who name this level (0-100), and O*NET's category number of the level (1-12).
   */
  share?: number | null;
  category?: number | null;
  /**
   * True when the link is stated of the role at its start alone (see `oneWayWhen` in
   * src/models/relations.ts) and this role is at its end: it belongs in the incoming view.
   */
  incoming?: boolean;
}

/** A role with every one-hop fact about it, as read in one statement: one list per Role fact field. */
export type RoleDetailsRecord = { role: NodeRecord; sourceIds: string[] } & Record<RoleFactField, LinkRecord[]>;

/** A source document. */
export interface SourceRecord {
  id: string;
  title: string;
  /** How many facts cite it, as the writers keep it on the Source; absent on a record built from a mutation's input. */
  factCount?: number;
}

/** When and by whom a fact was last created or changed. */
export interface ChangeRecord {
  at: Date;
  by: string;
}

/** What a curation mutation did to one node; the node itself is read after the write. */
export interface NodeWriteRecord {
  outcome: 'CREATED' | 'UPDATED' | 'UNCHANGED';
  id: string;
  lastChange: ChangeRecord | null;
}
