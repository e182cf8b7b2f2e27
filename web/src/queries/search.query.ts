import { graphql } from '../generated';

/** Autocomplete: the best matches for what has been typed, of the kinds asked for. */
export const SearchQuery = graphql(`
  query Search($text: String!, $kinds: [NodeKind!], $first: Int = 8) {
    search(text: $text, first: $first, kinds: $kinds) {
      kind
      name
      score
      node {
        id
      }
    }
  }
`);
