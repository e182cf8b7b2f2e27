/** What a first visit to /ide shows: a query that answers on the curated graph. */
export const DEFAULT_QUERY = `# Run with the ▶ button (Ctrl-Enter). The Docs
# button lists every type and field; the schema
# is also at /schema.graphql.
{
  role(id: "music-producer") {
    name
    skills {
      skill {
        name
      }
    }
  }
  skillOverlap(roleA: "music-producer", roleB: "sound-engineer") {
    jaccard
    shared {
      name
    }
  }
}
`;
