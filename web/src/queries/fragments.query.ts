import { graphql } from '../generated';

/** A passage supporting a fact: the document and, where useful, the quoted phrase. */
export const CitationFields = graphql(`
  fragment CitationFields on Citation {
    quote
    source {
      id
      title
    }
  }
`);

/** What the explorer prints for any node: its name (a figure has none; it is described by its amount). */
export const NodeLabel = graphql(`
  fragment NodeLabel on Node {
    __typename
    id
    ... on Role {
      name
    }
    ... on Skill {
      name
      category
    }
    ... on Responsibility {
      name
    }
    ... on Setting {
      name
    }
    ... on Tool {
      name
    }
    ... on Education {
      name
    }
    ... on Collaborator {
      name
    }
    ... on OccupationGroup {
      name
    }
    ... on SkillGroup {
      name
    }
    ... on SalaryFigure {
      median
      low
      high
      currency
    }
    ... on GrowthFigure {
      percent
    }
  }
`);
