// Write: record how many items of a file an import has committed, in the same
// transaction as those items, so a resumed import starts exactly after them.
// Parameters: $key, $rows, $done. Idempotent: MERGE on the ImportCheckpoint(key) constraint.
MERGE (c:ImportCheckpoint {key: $key})
SET c.rows = $rows, c.done = $done, c.updatedAt = datetime.transaction()
RETURN c.rows AS rows
