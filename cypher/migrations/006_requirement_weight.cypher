// Every skill requirement carries `weight`, derived from its own properties as
// upsert-links.cypher writes it, so the analytic statements read one property.
// This fills it in for requirements written before; in batches, so a graph of
// millions of requirements never holds them all in one transaction. Repeating it
// writes nothing.
MATCH ()-[r:REQUIRES_SKILL]->()
WITH r, coalesce(r.importance / 5.0, CASE r.essential WHEN true THEN 1.0 WHEN false THEN 0.5 END, 1.0) AS weight
WHERE r.weight IS NULL OR r.weight <> weight
CALL (r, weight) { SET r.weight = weight } IN TRANSACTIONS OF 10000 ROWS;
