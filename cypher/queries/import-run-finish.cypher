// Write: record that an import of a dataset release has finished: every file loaded
// and the roles' derived weights refreshed.
// Parameters: $name (the release's source id). Idempotent.
MATCH (d:DatasetLoad {name: $name})
SET d.finished = true, d.loadedAt = datetime.transaction()
RETURN d.name AS name
