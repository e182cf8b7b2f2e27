// Write: create or update source documents by id.
// Parameters: $rows (list of {id, title}). Idempotent: MERGE on the id constraint.
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s.title = row.title
RETURN count(s) AS sources
