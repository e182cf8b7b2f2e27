// Exact lookup for search: a full-text index with Lucene's keyword analyzer, which
// keeps each name, alias, code (occupation and skill groups) and external code
// (roles' `SYSTEM:code` strings) whole, as one term. Search matches a text against
// those terms with case-insensitive patterns (src/repositories/exact-query.ts), so a
// name, an alias or a code equal to the text is found through the index whatever
// its case and punctuation, and ranked first.
CREATE FULLTEXT INDEX node_exact IF NOT EXISTS
FOR (n:Node) ON EACH [n.name, n.aliases, n.code, n.externalCodes]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword' } };
