// Write: delete a source document node. The caller checks first, in the same
// transaction, that no fact cites it (source-citations).
// Parameters: $id. Returns how many were removed (0 or 1).
OPTIONAL MATCH (s:Source {id: $id})
DELETE s
RETURN count(s) AS removed
