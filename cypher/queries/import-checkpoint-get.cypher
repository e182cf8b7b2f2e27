// Question: how far did earlier runs of an import get through each of its files, and
// what did the run that finished a file find in it?
// Parameters: $keys (list of checkpoint keys, `<dataset>|<file>`).
// Returns one row per checkpoint found: key, rows (items committed), done, and for a
// finished file read, skipped, rejected and problems (null on checkpoints stored
// before accounts were kept).
UNWIND $keys AS key
MATCH (c:ImportCheckpoint {key: key})
RETURN c.key AS key, c.rows AS rows, c.done AS done, c.read AS read, c.skipped AS skipped, c.rejected AS rejected, c.problems AS problems
