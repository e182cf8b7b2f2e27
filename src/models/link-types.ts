import type { EntityLabel } from './records';

/**
 * The relationship types a fact can have, with the labels allowed at each end.
 * This is the allow-list every write checks before a type reaches Cypher.
 */
export const LINK_TYPES = {
  REQUIRES_SKILL: { from: ['Role'], to: ['Skill'] },
  HAS_RESPONSIBILITY: { from: ['Role'], to: ['Responsibility'] },
  WORKS_IN: { from: ['Role'], to: ['Setting'] },
  USES_TOOL: { from: ['Role'], to: ['Tool'] },
  REQUIRES_EDUCATION: { from: ['Role'], to: ['Education'] },
  RELATED_TO: { from: ['Role'], to: ['Role'] },
  COLLABORATES_WITH: { from: ['Role'], to: ['Role', 'Collaborator'] },
  HAS_SALARY: { from: ['Role'], to: ['SalaryFigure'] },
  HAS_GROWTH: { from: ['Role'], to: ['GrowthFigure'] },
  RELATED_SKILL: { from: ['Skill'], to: ['Skill'] },
} as const satisfies Record<string, { from: readonly EntityLabel[]; to: readonly EntityLabel[] }>;

export type LinkType = keyof typeof LINK_TYPES;

export const LINK_TYPE_NAMES = Object.keys(LINK_TYPES) as [LinkType, ...LinkType[]];
