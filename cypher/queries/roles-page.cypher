// Question: which roles come next in id order, and how many are there in all?
// Parameters: $after (id to start after, or null for the first page),
//             $limit (page size plus one, to tell whether another page follows).
// Returns one row: total and the page's roles.
CALL () { MATCH (r:Role) RETURN count(r) AS total }
RETURN total, COLLECT {
  MATCH (r:Role)
  WHERE $after IS NULL OR r.id > $after
  RETURN r {.*} ORDER BY r.id LIMIT toInteger($limit)
} AS nodes
