// Question: which roles are most alike this role by the skills they require?
// Parameters: $roleId, $metric ('JACCARD' or 'WEIGHTED_JACCARD'), $first (1..100),
//             $roleProperties, $skillProperties (the properties of the matched roles and
//             of the shared skills to return, as the query selects them; null for all).
// Formulas, with A = skills of the role and B = skills of another role sharing at least one:
//   jaccard  = |A ∩ B| / |A ∪ B|, with |A ∪ B| = |A| + |B| - |A ∩ B|
//   weighted = Σ idf(s)·min(wA(s), wB(s)) / Σ idf(s)·max(wA(s), wB(s)) over A ∪ B
//              (w = 0 where a role does not require s), the weighted Jaccard index;
//   idf(s)   = ln(1 + N / df(s)), N = number of roles, df(s) = roles requiring s;
//   w        = importance / 5 where the requirement has an importance (O*NET, 1..5),
//              1 for an essential and 0.5 for an optional one (ESCO), else 1: the
//              requirement's `weight`, derived when it is written (upsert-links.cypher);
//              with every w = 1 the weighted index is Σ idf over A ∩ B / Σ idf over A ∪ B.
// Since max(a, b) = a + b - min(a, b), the denominator is Σ idf·wA over A + Σ idf·wB
// over B - the numerator. Those two sums and |A|, |B| are the roles' skillWeight and
// skillCount, kept current by refresh-role-weights.cypher: only the role's own
// requirements and the requirements of the skills it shares are read.
// Only roles require skills (the allow-list), so df(s) is the degree of s and a node
// requiring a skill needs no label check to be a candidate role.
// Scores are rounded to 12 decimals, so that two mathematically equal sums of
// different terms tie exactly (floating-point sums may differ in the last bits).
// Ranking: the score of $metric, highest first; ties by role name, then id.
// Candidates are counted, not collected: the shared skills are listed only for the
// first $first (PROFILE at 10x ESCO scale: 291,000 db hits before, 209,000 after),
// against the role's own skills, read once.
// Returns one row: found (false when $roleId is not a role) and up to $first matches,
// their role and shared skills as lists of [name, value] pairs.
OPTIONAL MATCH (role:Node {id: $roleId})
USING INDEX SEEK role:Node(id)
WHERE role:Role
CALL () { MATCH (any:Role) RETURN count(any) AS roleCount }
CALL (role, roleCount) {
  WITH role, roleCount, COLLECT { MATCH (role)-[:REQUIRES_SKILL]->(s:Skill) RETURN s } AS mine
  CALL (role, roleCount) {
    WITH role, roleCount, role.skillCount AS countA, role.skillWeight AS weightA
    MATCH (role)-[mine:REQUIRES_SKILL]->(skill:Skill)
    WITH role, countA, weightA, skill,
      mine.weight AS wA,
      log(1.0 + toFloat(roleCount) / COUNT { (skill)<-[:REQUIRES_SKILL]-() }) AS idf
    MATCH (skill)<-[theirs:REQUIRES_SKILL]-(other)
    WHERE other <> role
    WITH countA, weightA, other, idf, wA,
      theirs.weight AS wB
    WITH countA, weightA, other, count(*) AS sharedCount, sum(idf * CASE WHEN wA < wB THEN wA ELSE wB END) AS sharedWeight
    WITH other, countA + other.skillCount - sharedCount AS unionSize, sharedCount, sharedWeight,
      weightA + other.skillWeight - sharedWeight AS unionWeight
    WITH other, unionSize,
      round(toFloat(sharedCount) / unionSize, 12) AS jaccard, round(sharedWeight / unionWeight, 12) AS weightedJaccard
    WITH other, unionSize, jaccard, weightedJaccard,
      CASE $metric WHEN 'WEIGHTED_JACCARD' THEN weightedJaccard ELSE jaccard END AS score
    ORDER BY score DESC, other.name ASC, other.id ASC
    LIMIT toInteger($first)
    RETURN other, unionSize, jaccard, weightedJaccard, score
  }
  RETURN collect({
    role: [p IN coalesce($roleProperties, keys(other)) | [p, other[p]]],
    score: score, jaccard: jaccard, weightedJaccard: weightedJaccard, unionSize: unionSize,
    shared: [(other)-[:REQUIRES_SKILL]->(s:Skill) WHERE s IN mine | [p IN coalesce($skillProperties, keys(s)) | [p, s[p]]]]
  }) AS matches
}
RETURN role IS NOT NULL AS found, matches
