// Question: which roles are most alike this role by the skills they require?
// Parameters: $roleId, $metric ('JACCARD' or 'WEIGHTED_JACCARD'), $first (1..100).
// Formulas, with A = skills of the role and B = skills of another role sharing at least one:
//   jaccard  = |A ∩ B| / |A ∪ B|
//   weighted = Σ idf(s) over A ∩ B / Σ idf(s) over A ∪ B,
//   idf(s)   = ln(1 + N / df(s)), N = number of roles, df(s) = roles requiring s.
// Scores are rounded to 12 decimals, so that two mathematically equal sums of
// different terms tie exactly (floating-point sums may differ in the last bits).
// Ranking: the score of $metric, highest first; ties by role name, then id.
// Returns one row: found (false when $roleId is not a role) and up to $first matches.
OPTIONAL MATCH (role:Entity {id: $roleId})
USING INDEX SEEK role:Entity(id)
WHERE role:Role
CALL () { MATCH (any:Role) RETURN count(any) AS roleCount }
CALL (role, roleCount) {
  MATCH (role)-[:REQUIRES_SKILL]->(skill:Skill)<-[:REQUIRES_SKILL]-(other:Role)
  WHERE other <> role
  WITH role, roleCount, other, collect(skill) AS shared
  WITH other, shared, roleCount,
    COLLECT { MATCH (role)-[:REQUIRES_SKILL]->(s:Skill) RETURN s } AS mine,
    COLLECT { MATCH (other)-[:REQUIRES_SKILL]->(s:Skill) RETURN s } AS theirs
  WITH other, shared, roleCount, mine + [s IN theirs WHERE NOT s IN mine] AS union
  WITH other, shared, union,
    reduce(total = 0.0, s IN shared |
      total + log(1.0 + toFloat(roleCount) / COUNT { (s)<-[:REQUIRES_SKILL]-(:Role) })) AS sharedWeight,
    reduce(total = 0.0, s IN union |
      total + log(1.0 + toFloat(roleCount) / COUNT { (s)<-[:REQUIRES_SKILL]-(:Role) })) AS unionWeight
  WITH other, shared, size(union) AS unionSize,
    round(toFloat(size(shared)) / size(union), 12) AS jaccard, round(sharedWeight / unionWeight, 12) AS weightedJaccard
  WITH other, shared, unionSize, jaccard, weightedJaccard,
    CASE $metric WHEN 'WEIGHTED_JACCARD' THEN weightedJaccard ELSE jaccard END AS score
  ORDER BY score DESC, other.name ASC, other.id ASC
  LIMIT toInteger($first)
  RETURN collect({
    role: other {.*}, score: score, jaccard: jaccard, weightedJaccard: weightedJaccard,
    unionSize: unionSize, shared: [s IN shared | s {.*}]
  }) AS matches
}
RETURN role IS NOT NULL AS found, matches
