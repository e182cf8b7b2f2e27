import { graphql } from '../generated';

/**
 * Moving from one role to another: the skill gap (what carries over, what is left to
 * learn, the weighted coverage) and the shortest explained paths between the two,
 * each hop with its citations.
 */
export const PathQuery = graphql(`
  query Path($from: ID!, $to: ID!, $via: [Relation!], $maxHops: Int = 4) {
    skillGap(from: $from, to: $to) {
      from {
        id
        name
      }
      to {
        id
        name
      }
      coverage
      plainCoverage
      transferable {
        id
        name
        category
      }
      toLearn {
        id
        name
        category
      }
    }
    paths(from: $from, to: $to, via: $via, maxHops: $maxHops, first: 3) {
      length
      explanation
      nodes {
        ...NodeLabel
      }
      steps {
        from
        to
        relation
        relations
        links {
          relation
          start
          end
          forward
        }
        explanation
        inferred
        sources {
          ...CitationFields
        }
      }
    }
  }
`);
