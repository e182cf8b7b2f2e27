// Write: forget the checkpoints of a dataset, so its next import reads every file again.
// Parameters: $prefix (`<dataset>|`). Returns how many were removed.
MATCH (c:ImportCheckpoint)
WHERE c.key STARTS WITH $prefix
DELETE c
RETURN count(c) AS removed
