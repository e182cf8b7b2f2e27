import { graphql } from '../generated';

/** The home page: the first roles of the graph and the documents it cites. */
export const HomeQuery = graphql(`
  query Home {
    roles(first: 20) {
      totalCount
      edges {
        node {
          id
          name
          summary
        }
      }
    }
    sources {
      id
      title
      factCount
    }
  }
`);
