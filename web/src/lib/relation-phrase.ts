import type { OverlapDimension, Relation } from '../generated/graphql';

/** How a relationship reads on an edge of the path graph ("requires", "works in"...). */
export const RELATION_PHRASE: Record<Relation, string> = {
  REQUIRES_SKILL: 'requires',
  HAS_RESPONSIBILITY: 'carries out',
  WORKS_IN: 'works in',
  USES_TOOL: 'uses',
  REQUIRES_EDUCATION: 'asks for',
  RELATED_TO: 'related to',
  COLLABORATES_WITH: 'works with',
  RELATED_SKILL: 'draws on',
};

/** The relationship types in the order the path form lists them. */
export const RELATIONS = Object.keys(RELATION_PHRASE) as Relation[];

/** The relation as printed, for a type the schema may have added since this build. */
export function relationPhrase(relation: string): string {
  return (RELATION_PHRASE as Record<string, string>)[relation] ?? relation.toLowerCase().replaceAll('_', ' ');
}

/** What the compare view calls each dimension. */
export const DIMENSION_LABEL: Record<OverlapDimension, string> = {
  SKILLS: 'Skills',
  RESPONSIBILITIES: 'Responsibilities',
  SETTINGS: 'Settings',
  TOOLS: 'Tools',
};
