import { graphql } from '../generated';

/** What 2 to 4 roles share on one dimension, what each has alone, and the Jaccard index of all. */
export const CompareQuery = graphql(`
  query Compare($roles: [ID!]!, $dimension: OverlapDimension!) {
    overlap(roles: $roles, dimension: $dimension) {
      dimension
      jaccard
      roles {
        id
        name
      }
      shared {
        ...NodeLabel
      }
      distinct {
        role {
          id
        }
        items {
          ...NodeLabel
        }
      }
    }
  }
`);

/** One role's items on every dimension, from which the diagram's regions are counted. */
export const RoleItemsQuery = graphql(`
  query RoleItems($id: ID!) {
    role(id: $id) {
      id
      name
      skills {
        skill {
          id
          name
        }
      }
      responsibilities {
        id
        name
      }
      settings {
        id
        name
      }
      tools {
        id
        name
      }
    }
  }
`);
