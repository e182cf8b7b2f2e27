// Write: record how many items of a file an import has committed, and what the rows
// written so far did, in the same transaction as those items, so a resumed import
// starts exactly after them and still reports the whole file.
// Parameters: $key, $rows (items committed), $done, $created, $updated, $unchanged
// (rows, running totals). Idempotent: MERGE on the ImportCheckpoint(key) constraint.
MERGE (c:ImportCheckpoint {key: $key})
ON CREATE SET c.startedAt = datetime.transaction()
SET c.rows = $rows, c.done = $done, c.created = $created, c.updated = $updated, c.unchanged = $unchanged,
  c.updatedAt = datetime.transaction()
RETURN c.rows AS rows
