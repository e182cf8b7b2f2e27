import { graphql } from '../generated';

/**
 * A role's page: everything the graph holds about it. The citations of its facts
 * are fetched on demand (RoleFactSources), section by section, to keep the page's
 * cost low; the figures come with theirs, since which source says what matters
 * most there.
 */
export const RolePageQuery = graphql(`
  query RolePage($id: ID!) {
    role(id: $id) {
      id
      name
      aliases
      summary
      externalCodes {
        system
        code
      }
      skills {
        skill {
          id
          name
          category
        }
        inferred
      }
      responsibilityLinks {
        responsibility {
          id
          name
        }
        core
      }
      settings {
        id
        name
      }
      toolLinks {
        tool {
          id
          name
          kind
        }
        hot
        inDemand
      }
      education {
        level
        share
        education {
          id
        }
      }
      typicalEducation {
        level
        share
      }
      salaries {
        id
        median
        low
        high
        currency
        year
        period
        statistic
        provider
        population
        note
        sources {
          ...CitationFields
        }
      }
      growth {
        id
        percent
        period
        provider
        population
        sources {
          ...CitationFields
        }
      }
      relatedRoles {
        role {
          id
          name
        }
        reason
        inferred
        tier
        rank
      }
      relatedFrom {
        role {
          id
          name
        }
        tier
        rank
      }
      collaborators {
        name
        inferred
        partner {
          __typename
          id
        }
      }
      equivalents {
        role {
          id
        }
        group {
          id
          code
        }
        name
        crosswalk
        match
      }
      sources {
        id
        title
      }
    }
  }
`);

/** The roles most alike one, by their whole profile (PROFILE: names, duties and skills). */
export const SimilarRolesQuery = graphql(`
  query SimilarRoles($id: ID!) {
    similarRoles(role: $id, first: 3, metric: PROFILE) {
      role {
        id
        name
      }
      score
      sharedSkills {
        id
      }
    }
  }
`);

/**
 * The passages behind one section of a role's facts, asked for when a reader opens
 * a fact's sources. Each flag includes one section.
 */
export const RoleFactSourcesQuery = graphql(`
  query RoleFactSources(
    $id: ID!
    $summary: Boolean = false
    $skills: Boolean = false
    $responsibilities: Boolean = false
    $settings: Boolean = false
    $tools: Boolean = false
    $education: Boolean = false
    $relatedRoles: Boolean = false
    $collaborators: Boolean = false
  ) {
    role(id: $id) {
      id
      citations @include(if: $summary) {
        ...CitationFields
      }
      skills @include(if: $skills) {
        skill {
          id
        }
        sources {
          ...CitationFields
        }
      }
      responsibilities @include(if: $responsibilities) {
        id
        sources {
          ...CitationFields
        }
      }
      settings @include(if: $settings) {
        id
        sources {
          ...CitationFields
        }
      }
      tools @include(if: $tools) {
        id
        sources {
          ...CitationFields
        }
      }
      education @include(if: $education) {
        education {
          id
        }
        sources {
          ...CitationFields
        }
      }
      relatedRoles @include(if: $relatedRoles) {
        role {
          id
        }
        sources {
          ...CitationFields
        }
      }
      collaborators @include(if: $collaborators) {
        partner {
          id
        }
        sources {
          ...CitationFields
        }
      }
    }
  }
`);
