// Question: how far did earlier runs of an import get through each of its files, and
// what did they find in it?
// Parameters: $keys (list of checkpoint keys, `<dataset>|<file>`).
// Returns one row per checkpoint found: key, rows (items committed), done, the
// running created, updated and unchanged counts, and for a finished file read,
// skipped, warned, rejected, problems, fingerprint and size (null on checkpoints
// stored before these were kept).
UNWIND $keys AS key
MATCH (c:ImportCheckpoint {key: key})
RETURN c.key AS key, c.rows AS rows, c.done AS done, c.read AS read, c.created AS created, c.updated AS updated,
  c.unchanged AS unchanged, c.skipped AS skipped, c.warned AS warned, c.rejected AS rejected, c.problems AS problems,
  c.fingerprint AS fingerprint, c.size AS size
