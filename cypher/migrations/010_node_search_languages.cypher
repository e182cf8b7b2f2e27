// Full-text search over the labels imported in other languages (the import command
// esco-labels): one index per language on the node's `name_<code>` and
// `aliases_<code>`, with that language's Lucene analyzer (stemming, elision, stop
// words), so that `search(lang:)` matches as a reader of the language expects. The
// languages are those of src/models/languages.ts, whose unit test holds this file
// equal to its table. A node without labels in a language is not in its index.
CREATE FULLTEXT INDEX node_search_fr IF NOT EXISTS
FOR (n:Node) ON EACH [n.name_fr, n.aliases_fr]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'french' } };
CREATE FULLTEXT INDEX node_search_nl IF NOT EXISTS
FOR (n:Node) ON EACH [n.name_nl, n.aliases_nl]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'dutch' } };
