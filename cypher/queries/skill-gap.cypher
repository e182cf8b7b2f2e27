// Question: moving from one role to another, which skills carry over and which must be learnt?
// Parameters: $fromId, $toId (role ids), $roleProperties, $skillProperties (the
//             properties of the two roles and of the skills to return, as the query
//             selects them; null for all).
// Formulas, with F = skills of the from-role and T = skills of the to-role:
//   transferable = T ∩ F; toLearn = T minus F;
//   coverage      = Σ idf(s)·w(T, s) over T ∩ F / Σ idf(s)·w(T, s) over T
//                   (the weighted share of the to-role's skills already held),
//   fit           = Σ fw(T, s) over T ∩ F / (‖T‖ · √|F|): the score recommendRoles gives
//                   the to-role for the from-role's skills (recommend-roles.cypher; ‖T‖ is
//                   its skillNorm, fw the requirement's priority or else its weight);
//                   0 when either role requires no skill;
//   plainCoverage = |T ∩ F| / |T|; both 0 when T is empty; coverage is rounded to 12
//   decimals like the recommendRoles score;
//   idf(s) = ln(1 + N / df(s)), N = number of roles, df(s) = roles requiring s (its degree);
//   w(T, s) = importance / 5 where the to-role's requirement has an importance (O*NET,
//   1..5), 1 for an essential and 0.5 for an optional one (ESCO), else 1: the
//   requirement's `weight`, derived when it is written (upsert-links.cypher).
// Returns one row: the two roles (null when not found), transferable, toLearn, coverage,
// plainCoverage, fit; roles and skills as lists of [name, value] pairs.
OPTIONAL MATCH (source:Node {id: $fromId})
USING INDEX SEEK source:Node(id)
WHERE source:Role
OPTIONAL MATCH (target:Node {id: $toId})
USING INDEX SEEK target:Node(id)
WHERE target:Role
CALL () { MATCH (any:Role) RETURN count(any) AS roleCount }
WITH source, target, roleCount,
  COLLECT { MATCH (source)-[:REQUIRES_SKILL]->(s:Skill) RETURN s } AS held
CALL (target, roleCount) {
  OPTIONAL MATCH (target)-[r:REQUIRES_SKILL]->(s:Skill)
  RETURN collect(s) AS needed, collect(coalesce(r.priority, r.weight)) AS priorities,
    collect(CASE WHEN s IS NOT NULL THEN log(1.0 + toFloat(roleCount) / COUNT { (s)<-[:REQUIRES_SKILL]-() }) * r.weight END) AS weights
}
WITH source, target, held, needed, weights, priorities
RETURN
  CASE WHEN source IS NOT NULL THEN [p IN coalesce($roleProperties, keys(source)) | [p, source[p]]] END AS fromRole,
  CASE WHEN target IS NOT NULL THEN [p IN coalesce($roleProperties, keys(target)) | [p, target[p]]] END AS toRole,
  [s IN needed WHERE s IN held | [p IN coalesce($skillProperties, keys(s)) | [p, s[p]]]] AS transferable,
  [s IN needed WHERE NOT s IN held | [p IN coalesce($skillProperties, keys(s)) | [p, s[p]]]] AS toLearn,
  CASE size(needed) WHEN 0 THEN 0.0 ELSE round(
    reduce(total = 0.0, i IN range(0, size(needed) - 1) |
      total + CASE WHEN needed[i] IN held THEN weights[i] ELSE 0.0 END) /
    reduce(total = 0.0, weight IN weights | total + weight), 12)
  END AS coverage,
  CASE size(needed) WHEN 0 THEN 0.0 ELSE toFloat(size([s IN needed WHERE s IN held])) / size(needed) END AS plainCoverage,
  CASE WHEN size(held) = 0 OR NOT coalesce(target.skillNorm, 0.0) > 0 THEN 0.0 ELSE round(
    reduce(total = 0.0, i IN range(0, size(needed) - 1) |
      total + CASE WHEN needed[i] IN held THEN priorities[i] ELSE 0.0 END) /
    (target.skillNorm * sqrt(size(held))), 12)
  END AS fit
