// Write: store a finished file's account on its checkpoint (rows read, skipped with a
// warning, rejected, and the listed ones with their reasons), in the transaction that
// finishes the file, so a later run that finds the file loaded reports the same.
// Parameters: $key, $read, $skipped, $rejected, $problems (JSON of the listed rows).
MATCH (c:ImportCheckpoint {key: $key})
SET c.read = $read, c.skipped = $skipped, c.rejected = $rejected, c.problems = $problems
RETURN c.key AS key
