// Question: how many facts (nodes and relationships) cite each of these sources?
// Counted, not read: the check that a source is cited by nothing before it is
// deleted trusts no kept count (Source.factCount, which the writers keep, serves reads).
// Parameters: $ids (list of source ids). Returns one row per id: id, facts.
// Plan: scans every fact once per id; citations are stored as lists on the facts.
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Node) WHERE id IN n.sourceIds
  RETURN count(n) AS nodes
}
CALL (id) {
  MATCH ()-[r]->() WHERE id IN r.sourceIds
  RETURN count(r) AS links
}
RETURN id, nodes + links AS facts
