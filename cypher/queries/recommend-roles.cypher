// Question: which roles best fit a set of skills, and what would each still need?
// Parameters: $skillIds (1..100 skill ids), $first (1..100), $roleProperties,
//             $skillProperties (the properties of the roles and of the matched and missing
//             skills to return, as the query selects them; null for all).
// Formula: for a role R with skills S(R) and the given skills G,
//   score(R) = Σ idf(s)·w(R, s) over S(R) ∩ G / Σ idf(s)·w(R, s) over S(R)
//              (weighted coverage of R's skills),
//   idf(s)   = ln(1 + N / df(s)), N = number of roles, df(s) = roles requiring s
//              (only roles require skills, so df(s) is the degree of s),
//   w(R, s)  = importance / 5 where the requirement has an importance (O*NET, 1..5),
//              1 for an essential and 0.5 for an optional one (ESCO), else 1: the
//              requirement's `weight`, derived when it is written (upsert-links.cypher).
// Only roles requiring at least one given skill are candidates. The denominator is the
// role's skillWeight, kept current by refresh-role-weights.cypher, so a candidate's
// other requirements are read only when it ranks among the first $first.
// Scores are rounded to 12 decimals so that mathematically equal scores tie exactly.
// Ranking: score, highest first; ties by role name, then id.
// Returns one row: missing (asked ids that are not skills) and up to $first
// recommendations, their role and skills as lists of [name, value] pairs.
UNWIND $skillIds AS skillId
OPTIONAL MATCH (skill:Node {id: skillId})
USING INDEX SEEK skill:Node(id)
WHERE skill:Skill
WITH collect(DISTINCT skill) AS given, collect(CASE WHEN skill IS NULL THEN skillId END) AS missing
CALL () { MATCH (any:Role) RETURN count(any) AS roleCount }
CALL (given, roleCount) {
  UNWIND given AS skill
  MATCH (skill)<-[r:REQUIRES_SKILL]-(role:Role)
  WITH role, sum(log(1.0 + toFloat(roleCount) / COUNT { (skill)<-[:REQUIRES_SKILL]-() }) * r.weight) AS matchedWeight
  WITH role, round(matchedWeight / role.skillWeight, 12) AS score
  ORDER BY score DESC, role.name ASC, role.id ASC
  LIMIT toInteger($first)
  WITH role, score, COLLECT { MATCH (role)-[:REQUIRES_SKILL]->(s:Skill) RETURN s } AS needs
  RETURN collect({
    role: [p IN coalesce($roleProperties, keys(role)) | [p, role[p]]], score: score,
    matched: [s IN needs WHERE s IN given | [p IN coalesce($skillProperties, keys(s)) | [p, s[p]]]],
    missing: [s IN needs WHERE NOT s IN given | [p IN coalesce($skillProperties, keys(s)) | [p, s[p]]]]
  }) AS recommendations
}
RETURN missing, recommendations
