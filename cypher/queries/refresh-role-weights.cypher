// Question: none; keeps two derived properties of every role current, so that the
// similarity and recommendation statements read one number per candidate role
// instead of all of its requirements (PROFILE at ESCO scale: 584,000 db hits per
// similarRoles request before, most of them reading candidates' requirements).
//   role.skillCount  = |S(role)|, the skills it requires;
//   role.skillWeight = Σ idf(s)·w(role, s) over S(role), with idf and w as in
//                      similar-roles.cypher: idf(s) = ln(1 + N / df(s)), N = number of
//                      roles, df(s) = degree of s; w = importance / 5, 1 for essential,
//                      0.5 for optional, else 1 (the requirement's `weight`);
//   role.skillNorm   = √(Σ sal(role, s)² over S(role)), the length of the role's skill
//                      profile as recommend-roles.cypher scores it: sal is the
//                      requirement's salience where O*NET rates it, else its weight.
// idf depends on every role (N) and every requirement of s (df), so one changed
// requirement can change any role's weight: every writer runs this statement in
// the transaction of its change (curation mutations, the curated loader) or after
// its last batch (imports), and the service runs it at start, which repairs an
// interrupted import. Writes only the roles whose values changed, so a repeated
// write changes nothing (the graph's fingerprint stays the same).
// Parameters: none. Returns one row: roles (all roles) and refreshed (roles written).
CALL () { MATCH (any:Role) RETURN count(any) AS roleCount }
MATCH (role:Role)
CALL (role, roleCount) {
  OPTIONAL MATCH (role)-[r:REQUIRES_SKILL]->(s:Skill)
  RETURN count(s) AS skillCount,
    sum(CASE WHEN s IS NULL THEN 0.0 ELSE log(1.0 + toFloat(roleCount) / COUNT { (s)<-[:REQUIRES_SKILL]-() }) *
      r.weight END) AS skillWeight,
    sqrt(sum(CASE WHEN s IS NULL THEN 0.0 ELSE coalesce(r.salience, r.weight) ^ 2 END)) AS skillNorm
}
WITH role, skillCount, skillWeight, skillNorm,
  role.skillCount IS NULL OR role.skillCount <> skillCount OR role.skillWeight IS NULL OR role.skillWeight <> skillWeight
    OR role.skillNorm IS NULL OR role.skillNorm <> skillNorm AS stale
FOREACH (_ IN CASE WHEN stale THEN [1] ELSE [] END |
  SET role.skillCount = skillCount, role.skillWeight = skillWeight, role.skillNorm = skillNorm)
RETURN count(role) AS roles, count(CASE WHEN stale THEN 1 END) AS refreshed
