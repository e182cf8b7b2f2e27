// Write: record that an import of a dataset release has begun (or begun again), so
// that `import status` can tell a finished import from an interrupted one.
// Parameters: $name (the release's source id, e.g. onet-29.0), $taxonomy (onet,
// esco, ...), $release, $kind (`import`). The record is the release's DatasetLoad of that kind;
// `finished` stays false until the run's last step (import-run-finish).
// Returns wasFinished: whether the previous run of the release finished.
// Idempotent: MERGE on the DatasetLoad(name) constraint.
MERGE (d:DatasetLoad {name: $name})
WITH d, d.finished = true AS wasFinished
SET d.kind = $kind, d.taxonomy = $taxonomy, d.release = $release, d.startedAt = datetime.transaction(), d.finished = false
RETURN d.name AS name, wasFinished
