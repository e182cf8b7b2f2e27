import { graphql } from '../generated';

/** Any other node (a skill, setting, tool...): what it is, who needs it, and the passages naming it. */
export const NodePageQuery = graphql(`
  query NodePage($id: ID!) {
    node(id: $id) {
      ...NodeLabel
      ... on Skill {
        aliases
        description
        sources {
          ...CitationFields
        }
        roles {
          id
          name
        }
      }
      ... on Setting {
        aliases
        sources {
          ...CitationFields
        }
        roles {
          id
          name
        }
      }
      ... on Tool {
        kind
        aliases
        sources {
          ...CitationFields
        }
        roles {
          id
          name
        }
      }
      ... on Responsibility {
        sources {
          ...CitationFields
        }
        roles {
          id
          name
        }
      }
      ... on Education {
        sources {
          ...CitationFields
        }
        roles {
          id
          name
        }
      }
      ... on Collaborator {
        aliases
        sources {
          ...CitationFields
        }
        roles {
          id
          name
        }
      }
      ... on OccupationGroup {
        aliases
        sources {
          ...CitationFields
        }
        roles {
          id
          name
        }
      }
      ... on SkillGroup {
        aliases
        description
        sources {
          ...CitationFields
        }
        skills {
          id
          name
        }
      }
    }
  }
`);
