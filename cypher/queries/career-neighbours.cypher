// Question: from these roles, which moves are feasible? One step of the search for
// career moves (src/graphql/resolvers/career.resolvers.ts).
// Parameters: $ids (role ids), $minSimilarity (0..1), $fanout (1..100: the most
//             neighbours kept per role), $goal (null, or a role id: only moves to it
//             are returned, for the last step of the search).
// A move goes to one of the role's kept PROFILE neighbours (similar-roles-profile.cypher)
// with a score of at least $minSimilarity, best first, at most $fanout of them;
// the caller checks the job zones. Job zones are kept with the neighbours
// (role-neighbours-set.cypher: the role's jobZone, and similarZones, 0 for unknown), so
// no neighbour is read here.
// Returns one row per role found: id, jobZone (null when unknown), and moves as
// [id, score, jobZone (null when unknown)].
UNWIND $ids AS id
MATCH (role:Node {id: id})
USING INDEX SEEK role:Node(id)
WHERE role:Role
WITH role, coalesce(role.similarIds, []) AS ids, coalesce(role.similarScores, []) AS scores, coalesce(role.similarZones, []) AS zones
WITH role, [i IN range(0, size(ids) - 1) WHERE scores[i] >= $minSimilarity | [ids[i], scores[i], CASE WHEN zones[i] > 0 THEN zones[i] END]][0..toInteger($fanout)] AS kept
RETURN role.id AS id, role.jobZone AS jobZone,
  [move IN kept WHERE $goal IS NULL OR move[0] = $goal] AS moves
