// Question: how big is the graph? Used to report loads and to check that loading
// the same data twice changes nothing.
// Parameters: none. Returns one row: node and relationship counts (from the count store).
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
