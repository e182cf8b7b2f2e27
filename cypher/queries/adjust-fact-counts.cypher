// Write: adds to each Source's factCount what a write changed: +1 for every fact
// that now cites it and did not, -1 for every fact that no longer does (deleted, or
// its citations changed). Every writer runs it in the transaction of its change
// (src/repositories/graph-writer.ts), so Source.factCount is read, not counted by a
// scan of every fact (2-5 s with O*NET and ESCO loaded). Migration 009 counted the
// facts once for the graphs written before.
// Parameters: $rows (list of {id, delta}), one per source whose count changes.
// The read of factCount depends directly on the node written, so Neo4j takes its
// write lock before reading: two concurrent writers both add.
// Returns the number of sources adjusted.
UNWIND $rows AS row
MATCH (s:Source {id: row.id})
SET s.factCount = coalesce(s.factCount, 0) + row.delta
RETURN count(s) AS adjusted
