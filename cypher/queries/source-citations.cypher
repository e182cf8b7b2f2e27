// Question: how many facts cite a source? A source may only be deleted at zero.
// Parameters: $id (a source id). Returns whether the source exists and how many
// nodes and relationships list it in their `sourceIds`.
// Plan: scans every fact; run only by the curation mutation that deletes a source.
OPTIONAL MATCH (s:Source {id: $id})
CALL () {
  MATCH (n:Entity) WHERE $id IN n.sourceIds
  RETURN count(n) AS nodes
}
CALL () {
  MATCH ()-[r]->() WHERE $id IN r.sourceIds
  RETURN count(r) AS links
}
RETURN s IS NOT NULL AS exists, nodes + links AS citedBy
