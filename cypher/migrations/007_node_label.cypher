// The label every fact node shares is Node, the name the API gives it (GraphQL's
// Node interface and NodeKind), instead of Entity. A uniqueness constraint and a
// full-text index on Node take over from those on Entity (001 and 003), and every
// Entity node is relabelled, in batches, so a graph of millions of nodes never
// holds them all in one transaction. Repeating it changes nothing.
CREATE CONSTRAINT node_id_unique IF NOT EXISTS
FOR (n:Node) REQUIRE n.id IS UNIQUE;
MATCH (n:Entity)
CALL (n) { SET n:Node REMOVE n:Entity } IN TRANSACTIONS OF 10000 ROWS;
DROP CONSTRAINT entity_id_unique IF EXISTS;
DROP INDEX entity_search IF EXISTS;
CREATE FULLTEXT INDEX node_search IF NOT EXISTS
FOR (n:Node) ON EACH [n.name, n.aliases];
