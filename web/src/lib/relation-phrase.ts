import type { OverlapDimension, Relation } from '../generated/graphql';
import { OVERLAP_DIMENSIONS, PUBLIC_RELATIONS, RELATIONS } from '../../../src/models/relations';

/** The relationship types a path may follow, in the order the path form lists them: the service's relation table. */
export const PATH_RELATIONS: readonly Relation[] = PUBLIC_RELATIONS;

/**
 * How a relationship reads on an edge of the path graph ("requires", "works in"...):
 * the verb the service's explanations use. A type the schema may have added since
 * this build reads as its name in lower case.
 */
export function relationPhrase(relation: string): string {
  return Object.hasOwn(RELATIONS, relation) ? RELATIONS[relation as keyof typeof RELATIONS].verb : relation.toLowerCase().replaceAll('_', ' ');
}

/** What the compare view calls each dimension. */
export const DIMENSION_LABEL: Record<OverlapDimension, string> = Object.fromEntries(
  Object.entries(OVERLAP_DIMENSIONS).map(([dimension, { title }]) => [dimension, title]),
) as Record<OverlapDimension, string>;

/**
 * A hop in path order with its relationship's own direction: "Music producer
 * —requires→ Audio production" when the relationship points along the path, and
 * "Audio production ←requires— Music producer" when the path goes against it (the
 * music producer requires the skill, not the other way round).
 */
export function hopText(link: { relation: string; forward: boolean }, fromName: string, toName: string): string {
  const verb = relationPhrase(link.relation);
  return link.forward ? `${fromName} —${verb}→ ${toName}` : `${fromName} ←${verb}— ${toName}`;
}
