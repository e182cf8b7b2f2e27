// Question: none; keeps two derived properties of every role current, so that the
// similarity and recommendation statements read one number per candidate role
// instead of all of its requirements (PROFILE at ESCO scale: 584,000 db hits per
// similarRoles request before, most of them reading candidates' requirements).
//   role.skillCount  = |S(role)|, the skills it requires;
//   role.skillWeight = Σ idf(s)·w(role, s) over S(role), with idf and w as in
//                      similar-roles.cypher: idf(s) = ln(1 + N / df(s)), N = number of
//                      roles, df(s) = degree of s; w = importance / 5, 1 for essential,
//                      0.5 for optional, else 1 (the requirement's `weight`);
//   r.priority       = exp(−rank / $decay) on each requirement with an importance (O*NET's
//                      ratings, or a curator's), rank = how many of the role's rated
//                      requirements are more important, plus half of those as important
//                      (ties share a rank): the role's own order of what matters most,
//                      whatever the scale's spread. Rated below the import's threshold,
//                      a requirement is not kept, and cannot rank above a kept one;
//   role.skillNorm   = √(Σ fw(role, s)² over S(role)), the length of the role's skill
//                      profile as recommend-roles.cypher scores a person's fit to it:
//                      fw is the requirement's priority where it has one, else its weight.
// idf depends on every role (N) and every requirement of s (df): a new or deleted
// role changes every role's weight, a requirement added to or taken from s changes
// the weight of every role requiring s. Every writer runs this statement in the
// transaction of its change (curation mutations, the curated loader) or after its
// last batch (imports), and the service runs it at start, which repairs an
// interrupted import. A writer that knows what it changed names the roles it
// touched ($roles) and the skills whose requirements it added or removed ($skills):
// only those roles, and the roles requiring those skills, are read (one link on
// O*NET and ESCO: at most a few hundred roles instead of 4,000, whose full refresh
// takes seconds). Writes only the roles whose values changed, so a repeated write
// changes nothing (the graph's fingerprint stays the same).
// Parameters: $decay (the priority's decay, in ranks); $roles and $skills (node ids),
// both null for every role. Returns one row: roles (roles read), refreshed (roles
// written) and reprioritised (requirements whose priority was written or removed).
CALL () { MATCH (any:Role) RETURN count(any) AS roleCount }
CALL () {
  WITH $roles AS ids WHERE ids IS NULL AND $skills IS NULL
  MATCH (role:Role)
  RETURN role
  UNION
  UNWIND coalesce($roles, []) AS id
  MATCH (role:Node {id: id})
  USING INDEX SEEK role:Node(id)
  WHERE role:Role
  RETURN role
  UNION
  UNWIND coalesce($skills, []) AS id
  MATCH (:Node {id: id})<-[:REQUIRES_SKILL]-(role:Role)
  RETURN role
}
CALL (role) {
  MATCH (role)-[r:REQUIRES_SKILL]->(:Skill)
  WHERE r.importance IS NOT NULL
  WITH collect(r) AS rated
  UNWIND rated AS r
  WITH r, exp(-(size([other IN rated WHERE other.importance > r.importance])
    + (size([other IN rated WHERE other.importance = r.importance]) - 1) / 2.0) / $decay) AS priority
  WHERE r.priority IS NULL OR r.priority <> priority
  SET r.priority = priority
  RETURN count(r) AS reprioritised
}
CALL (role) {
  // A requirement whose importance was taken away loses its priority.
  MATCH (role)-[r:REQUIRES_SKILL]->(:Skill)
  WHERE r.importance IS NULL AND r.priority IS NOT NULL
  REMOVE r.priority
  RETURN count(r) AS unrated
}
CALL (role, roleCount) {
  OPTIONAL MATCH (role)-[r:REQUIRES_SKILL]->(s:Skill)
  RETURN count(s) AS skillCount,
    sum(CASE WHEN s IS NULL THEN 0.0 ELSE log(1.0 + toFloat(roleCount) / COUNT { (s)<-[:REQUIRES_SKILL]-() }) *
      r.weight END) AS skillWeight,
    sqrt(sum(CASE WHEN s IS NULL THEN 0.0 ELSE coalesce(r.priority, r.weight) ^ 2 END)) AS skillNorm
}
WITH role, reprioritised + unrated AS reprioritised, skillCount, skillWeight, skillNorm,
  role.skillCount IS NULL OR role.skillCount <> skillCount OR role.skillWeight IS NULL OR role.skillWeight <> skillWeight
    OR role.skillNorm IS NULL OR role.skillNorm <> skillNorm AS stale
FOREACH (_ IN CASE WHEN stale THEN [1] ELSE [] END |
  SET role.skillCount = skillCount, role.skillWeight = skillWeight, role.skillNorm = skillNorm)
RETURN count(role) AS roles, count(CASE WHEN stale THEN 1 END) AS refreshed, sum(reprioritised) AS reprioritised
