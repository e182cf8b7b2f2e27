// Question: which version of a dataset file was loaded last?
// Parameters: $name (the dataset's name, e.g. curated). Returns one row: the
// checksum recorded by the last load, or null when it was never loaded.
OPTIONAL MATCH (d:DatasetLoad {name: $name})
RETURN d.checksum AS checksum
