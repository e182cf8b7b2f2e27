import type { OverlapDimension } from '../generated/graphql';
import type { LinkType } from './link-types';
import type { EntityLabel } from './records';

/** Each overlap dimension: the relationship a role has to the items compared, and their label. */
export const OVERLAP_DIMENSIONS = {
  SKILLS: { type: 'REQUIRES_SKILL', label: 'Skill' },
  RESPONSIBILITIES: { type: 'HAS_RESPONSIBILITY', label: 'Responsibility' },
  SETTINGS: { type: 'WORKS_IN', label: 'Setting' },
  TOOLS: { type: 'USES_TOOL', label: 'Tool' },
} as const satisfies Record<OverlapDimension, { type: LinkType; label: EntityLabel }>;
