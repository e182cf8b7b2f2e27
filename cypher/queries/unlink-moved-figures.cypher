// Write: detach figures from roles they no longer describe, before they are linked to
// the role they now name (a figure belongs to exactly one role).
// Parameters: $rows (list of {figure, role, type}); `type` is HAS_SALARY or HAS_GROWTH,
// checked against the allow-list before it gets here.
// Returns the number of relationships removed and the sources each cited (`cited`),
// for the Sources' factCount.
UNWIND $rows AS row
MATCH (figure:Node {id: row.figure})
MATCH (other:Node)-[old:$(row.type)]->(figure)
WHERE other.id <> row.role
WITH old, old.sourceIds AS cited
DELETE old
RETURN count(old) AS removed, [list IN collect(cited) WHERE list IS NOT NULL] AS cited
