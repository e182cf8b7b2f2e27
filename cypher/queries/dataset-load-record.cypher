// Write: record that a version of a dataset file was loaded, in the transaction
// that loads it, so the record never exists without the data.
// Parameters: $name, $checksum. Idempotent: MERGE on the DatasetLoad(name) constraint.
MERGE (d:DatasetLoad {name: $name})
SET d.checksum = $checksum, d.loadedAt = datetime.transaction()
RETURN d.checksum AS checksum
