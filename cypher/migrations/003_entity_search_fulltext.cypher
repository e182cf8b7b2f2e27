// Full-text search over the names and aliases (a list of strings) of every fact
// node. Figures have no name and so are not indexed in practice.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.aliases];
