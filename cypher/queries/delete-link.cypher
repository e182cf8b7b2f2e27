// Write: remove the relationship of one type from one node to another.
// Parameters: $from, $to (node ids), $type (checked against the allow-list of
// relationship types before it gets here). Returns how many were removed (0 or 1)
// and the sources it cited (`cited`: one list per removed link), for the Sources' factCount.
OPTIONAL MATCH (:Node {id: $from})-[r:$($type)]->(:Node {id: $to})
WITH r, r.sourceIds AS cited
DELETE r
RETURN count(r) AS removed, [list IN collect(cited) WHERE list IS NOT NULL] AS cited
