/**
 * Graph ids for imported concepts: a prefix naming the taxonomy, then the code in
 * lowercase words. For a publisher's code (an O*NET-SOC code, an element id, a task
 * number), whose form is fixed, the words are the code itself: `onet-27-4014-00`,
 * `isco-3521`. The importers name their nodes so, and the curated roles' mapping
 * finds them so.
 */
export function taxonomyId(prefix: string, code: string): string {
  return `${prefix}-${slug(code)}`.slice(0, 200).replace(/-+$/, '');
}

/** A text in lowercase ASCII words joined by hyphens. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The taxonomies roles belong to, told by the prefix the importers give their ids
 * (O*NET: `onet-`, ESCO: `esco-`); a role of neither is curated.
 */
export const ROLE_TAXONOMY_PREFIXES = [
  ['ONET', 'onet-'],
  ['ESCO', 'esco-'],
] as const;
export type RoleTaxonomy = (typeof ROLE_TAXONOMY_PREFIXES)[number][0] | 'CURATED';

/** The id prefix of O*NET's job-zone education nodes (`onet-job-zone-3`), as the O*NET importer names them, followed by the zone (1..5). */
export const JOB_ZONE_PREFIX = 'onet-job-zone-';

export function roleTaxonomy(id: string): RoleTaxonomy {
  return ROLE_TAXONOMY_PREFIXES.find(([, prefix]) => id.startsWith(prefix))?.[0] ?? 'CURATED';
}
