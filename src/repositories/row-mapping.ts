import { ENTITY_LABELS, type CitationRecord, type EntityLabel, type EntityRecord } from '../models/records';

type Properties = Record<string, unknown>;

/** Zips the stored `sourceIds` and `quotes` lists back into citations ('' quote means none). */
export function toCitations(properties: Properties): CitationRecord[] {
  const sourceIds = Array.isArray(properties.sourceIds) ? (properties.sourceIds as string[]) : [];
  const quotes = Array.isArray(properties.quotes) ? (properties.quotes as string[]) : [];
  return sourceIds.map((sourceId, index) => ({ sourceId, quote: quotes[index] || null }));
}

/** A node's properties as read by `n {.*}`, with the kind label it carries. */
export function toEntity(properties: Properties, label: unknown): EntityRecord {
  if (!ENTITY_LABELS.includes(label as EntityLabel)) throw new Error(`node ${String(properties.id)} has unknown kind label ${String(label)}`);
  const { sourceIds: _sourceIds, quotes: _quotes, aliases, inferred, ...rest } = properties;
  return {
    ...(rest as Partial<EntityRecord>),
    label: label as EntityLabel,
    id: String(properties.id),
    name: typeof properties.name === 'string' ? properties.name : null,
    aliases: Array.isArray(aliases) ? (aliases as string[]) : [],
    inferred: inferred === true,
    citations: toCitations(properties),
  };
}

/** A node read as [name, value] pairs of the properties a query selects (see selectedProperties). */
export type PropertyPairs = [string, unknown][];

/** toEntity for a node read as property pairs. */
export function pairsToEntity(pairs: PropertyPairs, label: unknown): EntityRecord {
  return toEntity(Object.fromEntries(pairs), label);
}
