// Question: how far did earlier runs of an import get through each of its files?
// Parameters: $keys (list of checkpoint keys, `<dataset>|<file>`).
// Returns one row per checkpoint found: key, rows (items committed), done.
UNWIND $keys AS key
MATCH (c:ImportCheckpoint {key: key})
RETURN c.key AS key, c.rows AS rows, c.done AS done
