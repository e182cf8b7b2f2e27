import type { Resolvers } from '../../generated/graphql';
import { careerResolvers } from './career.resolvers';
import { curationResolvers } from './curation.resolvers';
import { nodeResolvers } from './node.resolvers';
import { overlapResolvers } from './overlap.resolvers';
import { pathResolvers } from './path.resolvers';
import { roleResolvers } from './role.resolvers';
import { searchResolvers } from './search.resolvers';
import { skillResolvers } from './skill.resolvers';
import { sourceResolvers } from './source.resolvers';

/** Every resolver map, merged by type. */
export const resolvers: Resolvers[] = [
  roleResolvers,
  skillResolvers,
  nodeResolvers,
  searchResolvers,
  sourceResolvers,
  overlapResolvers,
  pathResolvers,
  careerResolvers,
  curationResolvers,
];
