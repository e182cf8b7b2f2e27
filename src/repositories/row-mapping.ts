import { NODE_LABELS } from '../models/node-labels';
import type { CitationRecord, NodeRecord } from '../models/records';

type Properties = Record<string, unknown>;

/** Zips the stored `sourceIds` and `quotes` lists back into citations ('' quote means none). */
export function toCitations(properties: Properties): CitationRecord[] {
  const sourceIds = Array.isArray(properties.sourceIds) ? (properties.sourceIds as string[]) : [];
  const quotes = Array.isArray(properties.quotes) ? (properties.quotes as string[]) : [];
  return sourceIds.map((sourceId, index) => ({ sourceId, quote: quotes[index] || null }));
}

const KIND_LABELS: ReadonlySet<string> = new Set(Object.keys(NODE_LABELS));

/** Stored properties that toNode turns into other fields (citations, aliases, inferred). */
const FOLDED = new Set(['sourceIds', 'quotes', 'aliases', 'inferred']);

/**
 * A node's properties as read by `n {.*}` or as selected pairs, with the kind label it carries.
 * Written as a copying loop rather than `{ sourceIds, quotes, ...rest } = properties`:
 * V8 runs an object rest with excluded keys through a slow generic path, and under
 * load on list-heavy answers (400 skills per recommendRoles answer) that made this
 * function a fifth of the service's own CPU; the loop is about 20 times faster.
 */
export function toNode(properties: Properties, label: unknown): NodeRecord {
  if (typeof label !== 'string' || !KIND_LABELS.has(label)) throw new Error(`node ${String(properties.id)} has unknown kind label ${String(label)}`);
  const node: Properties = {};
  for (const key in properties) if (!FOLDED.has(key)) node[key] = properties[key];
  node.label = label;
  node.id = String(properties.id);
  node.name = typeof properties.name === 'string' ? properties.name : null;
  node.aliases = Array.isArray(properties.aliases) ? (properties.aliases as string[]) : [];
  node.inferred = properties.inferred === true;
  node.citations = toCitations(properties);
  return node as unknown as NodeRecord;
}

/** A node read as [name, value] pairs of the properties a query selects (see selectedProperties). */
export type PropertyPairs = [string, unknown][];

/** The object of [name, value] pairs: what Object.fromEntries gives, about 4 times faster on these small lists. */
export function pairsToObject(pairs: PropertyPairs): Properties {
  const properties: Properties = {};
  for (const [name, value] of pairs) properties[name] = value;
  return properties;
}

/** toNode for a node read as property pairs. */
export function pairsToNode(pairs: PropertyPairs, label: unknown): NodeRecord {
  return toNode(pairsToObject(pairs), label);
}
