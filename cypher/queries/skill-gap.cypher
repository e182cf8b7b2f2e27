// Question: moving from one role to another, which skills carry over and which must be learnt?
// Parameters: $fromId, $toId (role ids).
// Formulas, with F = skills of the from-role and T = skills of the to-role:
//   transferable = T ∩ F; toLearn = T minus F;
//   coverage      = Σ idf(s) over T ∩ F / Σ idf(s) over T   (as recommendRoles scores T for F),
//   plainCoverage = |T ∩ F| / |T|; both 0 when T is empty; coverage is rounded to 12
//   decimals like the recommendRoles score;
//   idf(s) = ln(1 + N / df(s)), N = number of roles, df(s) = roles requiring s.
// Returns one row: the two roles (null when not found), transferable, toLearn, coverage, plainCoverage.
OPTIONAL MATCH (source:Entity {id: $fromId})
USING INDEX SEEK source:Entity(id)
WHERE source:Role
OPTIONAL MATCH (target:Entity {id: $toId})
USING INDEX SEEK target:Entity(id)
WHERE target:Role
CALL () { MATCH (any:Role) RETURN count(any) AS roleCount }
WITH source, target, roleCount,
  COLLECT { MATCH (source)-[:REQUIRES_SKILL]->(s:Skill) RETURN s } AS held,
  COLLECT { MATCH (target)-[:REQUIRES_SKILL]->(s:Skill) RETURN s } AS needed
WITH source, target, held, needed,
  [s IN needed | log(1.0 + toFloat(roleCount) / COUNT { (s)<-[:REQUIRES_SKILL]-(:Role) })] AS weights
RETURN
  source {.*} AS fromRole,
  target {.*} AS toRole,
  [s IN needed WHERE s IN held | s {.*}] AS transferable,
  [s IN needed WHERE NOT s IN held | s {.*}] AS toLearn,
  CASE size(needed) WHEN 0 THEN 0.0 ELSE round(
    reduce(total = 0.0, i IN range(0, size(needed) - 1) |
      total + CASE WHEN needed[i] IN held THEN weights[i] ELSE 0.0 END) /
    reduce(total = 0.0, weight IN weights | total + weight), 12)
  END AS coverage,
  CASE size(needed) WHEN 0 THEN 0.0 ELSE toFloat(size([s IN needed WHERE s IN held])) / size(needed) END AS plainCoverage
