// Question: which roles come next in id order, and how many are there in all?
// Parameters: $after (id to start after; '' for the first page, as ids are never empty),
//             $limit (page size plus one, to tell whether another page follows).
// The page is read in order from the role_id range index (migration 012), which
// stops after $limit entries.
// Only the page's roles are projected.
// Returns one row: total and the page's roles.
CALL () { MATCH (r:Role) RETURN count(r) AS total }
RETURN total, COLLECT {
  MATCH (r:Role)
  USING INDEX r:Role(id)
  WHERE r.id > $after
  WITH r ORDER BY r.id LIMIT toInteger($limit)
  RETURN r {.*}
} AS nodes
