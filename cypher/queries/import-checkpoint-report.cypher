// Write: store a finished file's account on its checkpoint (rows read, created,
// updated, unchanged, skipped, of those skipped with a warning, rejected, and the
// listed ones with their reasons) and the file's fingerprint, in the transaction
// that finishes the file, so a later run that finds the file loaded and unchanged
// reports the same without reading it.
// Parameters: $key, $read, $created, $updated, $unchanged, $skipped, $warned,
// $rejected, $problems (JSON of the listed rows and the reasons for skipping),
// $fingerprint (`sha256:<hex>` or null), $size (bytes or null).
MATCH (c:ImportCheckpoint {key: $key})
SET c.read = $read, c.created = $created, c.updated = $updated, c.unchanged = $unchanged, c.skipped = $skipped,
  c.warned = $warned, c.rejected = $rejected, c.problems = $problems, c.fingerprint = $fingerprint, c.size = $size,
  c.finishedAt = datetime.transaction()
RETURN c.key AS key
