// Every Source carries factCount, the number of facts (nodes and relationships)
// citing it, which every writer keeps up to date (adjust-fact-counts.cypher). This
// counts them once for a graph written before: one pass over the facts, a fact
// citing a source twice (two quotes) counted once. Repeating it writes the same counts.
MATCH (s:Source)
SET s.factCount = 0;
CALL () {
  MATCH (n:Node) WHERE n.sourceIds IS NOT NULL
  UNWIND n.sourceIds AS id
  WITH DISTINCT n, id
  RETURN id, count(*) AS facts
  UNION ALL
  MATCH ()-[r]->() WHERE r.sourceIds IS NOT NULL
  UNWIND r.sourceIds AS id
  WITH DISTINCT r, id
  RETURN id, count(*) AS facts
}
WITH id, sum(facts) AS facts
MATCH (s:Source {id: id})
SET s.factCount = facts;
