// Question: which skills come next in id order, and how many are there in all?
// Parameters: $after (id to start after, or null for the first page),
//             $limit (page size plus one, to tell whether another page follows).
// Returns one row: total and the page's skills.
CALL () { MATCH (s:Skill) RETURN count(s) AS total }
RETURN total, COLLECT {
  MATCH (s:Skill)
  WHERE $after IS NULL OR s.id > $after
  RETURN s {.*} ORDER BY s.id LIMIT toInteger($limit)
} AS nodes
