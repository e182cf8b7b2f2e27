// Write: remove the relationship of one type from one node to another.
// Parameters: $from, $to (node ids), $type (checked against the allow-list of
// relationship types before it gets here). Returns how many were removed (0 or 1).
OPTIONAL MATCH (:Node {id: $from})-[r:$($type)]->(:Node {id: $to})
DELETE r
RETURN count(r) AS removed
