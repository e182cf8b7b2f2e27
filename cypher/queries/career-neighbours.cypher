// Question: from these roles, which moves are feasible? One step of the search for
// career moves (src/graphql/resolvers/career.resolvers.ts).
// Parameters: $ids (role ids), $minSimilarity (0..1), $fanout (1..100: the most
//             neighbours kept per role), $jobZonePrefix (the id prefix of O*NET's
//             job-zone education nodes, followed by the zone's number).
// A move goes to one of the role's kept PROFILE neighbours (similar-roles-profile.cypher)
// with a score of at least $minSimilarity, best first, at most $fanout of them;
// the caller checks the job zones. A role's job zone is that of the job-zone education
// it requires (O*NET's Job Zones.txt), null when it has none.
// Returns one row per role found: id, jobZone, and moves as [id, score, jobZone].
UNWIND $ids AS id
MATCH (role:Node {id: id})
WHERE role:Role
WITH role, coalesce(role.similarIds, []) AS ids, coalesce(role.similarScores, []) AS scores
WITH role, [i IN range(0, size(ids) - 1) WHERE scores[i] >= $minSimilarity | [ids[i], scores[i]]][0..toInteger($fanout)] AS kept
RETURN role.id AS id,
  [(role)-[:REQUIRES_EDUCATION]->(zone:Education) WHERE zone.id STARTS WITH $jobZonePrefix | toInteger(substring(zone.id, size($jobZonePrefix)))][0] AS jobZone,
  [move IN kept | [move[0], move[1],
    [(other:Node {id: move[0]})-[:REQUIRES_EDUCATION]->(zone:Education) WHERE zone.id STARTS WITH $jobZonePrefix | toInteger(substring(zone.id, size($jobZonePrefix)))][0]]] AS moves
