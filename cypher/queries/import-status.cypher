// Question: which dataset releases have been imported, did their last run finish,
// and what did it find in each file?
// Parameters: $source (a source id such as onet-29.0, or its taxonomy's prefix such
// as onet, matching onet-29.0 and onet-30.0; null for every dataset), $kind (`import`,
// the kind of an import run's record), $separator (`|`, between dataset and file in a
// checkpoint's key), $dash (`-`, between a taxonomy and its release in a source id).
// A dataset is named by its import run's record (DatasetLoad of that kind) or, for
// one imported before runs were recorded, by its checkpoints.
// Returns one row per dataset, by name: dataset, title (of its Source), taxonomy,
// release, startedAt, loadedAt (when the last run finished; null if it did not),
// finished (null when no run was recorded), and files: each checkpoint's file,
// committed items, done, account (read, created, updated, unchanged, skipped,
// warned, rejected, problems as JSON), fingerprint, size, startedAt and finishedAt,
// in the order the files were begun.
CALL () {
  MATCH (c:ImportCheckpoint)
  RETURN split(c.key, $separator)[0] AS dataset
  UNION
  MATCH (d:DatasetLoad) WHERE d.kind = $kind
  RETURN d.name AS dataset
}
WITH dataset
WHERE $source IS NULL OR dataset = $source OR dataset STARTS WITH $source + $dash
OPTIONAL MATCH (run:DatasetLoad {name: dataset})
OPTIONAL MATCH (source:Source {id: dataset})
CALL (dataset) {
  MATCH (c:ImportCheckpoint) WHERE c.key STARTS WITH dataset + $separator
  WITH c ORDER BY coalesce(c.startedAt, c.updatedAt), c.key
  RETURN collect(c {
    file: substring(c.key, size(dataset) + 1), .rows, .done, .read, .created, .updated, .unchanged, .skipped, .warned,
    .rejected, .problems, .fingerprint, .size, startedAt: toString(c.startedAt), finishedAt: toString(c.finishedAt)
  }) AS files
}
RETURN dataset, source.title AS title, run.taxonomy AS taxonomy, run.release AS release, toString(run.startedAt) AS startedAt,
  toString(run.loadedAt) AS loadedAt, run.finished AS finished, files
ORDER BY dataset
