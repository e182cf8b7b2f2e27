import { graphql } from '../generated';

/** The roles that best fit a set of skills, with what matched and what is missing. */
export const RecommendQuery = graphql(`
  query Recommend($skills: [ID!]!) {
    recommendRoles(skills: $skills, first: 10) {
      role {
        id
        name
      }
      score
      matched {
        id
        name
      }
      missing {
        id
        name
        category
      }
    }
  }
`);

/** A chosen skill's name, for a link that names skills by id only. */
export const SkillNameQuery = graphql(`
  query SkillName($id: ID!) {
    skill(id: $id) {
      id
      name
    }
  }
`);

/** The skills of the graph, to pick from (the first 100 by id). */
export const SkillListQuery = graphql(`
  query SkillList {
    skills(first: 100) {
      totalCount
      edges {
        node {
          id
          name
          category
        }
      }
    }
  }
`);
