// Question: which roles best fit a set of skills, and what would each still need?
// Parameters: $skillIds (1..100 skill ids), $first (1..100), $roleProperties,
//             $skillProperties (the properties of the roles and of the matched and missing
//             skills to return, as the query selects them; null for all).
// Formula: the cosine between the person's skills G (each weighing 1) and the role R's
// skill profile:
//   score(R)  = Σ sal(R, s) over S(R) ∩ G / (‖R‖ · √|G|),  ‖R‖ = √(Σ sal(R, s)² over S(R)),
//   sal(R, s) = the requirement's salience where O*NET rates it (how far its importance
//               stands above the occupation's own mean: max(0, z)^1.5), else its
//               weight (1 essential and 0.5 optional for ESCO, 1 for curated roles).
// So a role scores 1 when G is exactly what it needs, in its proportions; holding
// skills a role does not need lowers its score (√|G|), and so does a role needing
// much that is not in G (‖R‖): a role needing little cannot win by needing little.
// ‖R‖ is the role's skillNorm, kept current by refresh-role-weights.cypher, so a
// candidate's other requirements are read only when it ranks among the first $first.
// Each missing skill comes with its gain: how much the score would rise with it in G,
//   gain(s) = (Σ sal over S(R) ∩ G + sal(R, s)) / (‖R‖ · √(|G| + 1)) − score(R),
// missing skills ordered by gain, highest first, then by name.
// Scores are rounded to 12 decimals so that mathematically equal scores tie exactly.
// Ranking: score, highest first; ties by role name, then id. Only roles requiring at
// least one given skill are candidates; a role whose profile has no weight scores 0.
// Returns one row: missing (asked ids that are not skills) and up to $first
// recommendations, their role and skills as lists of [name, value] pairs.
UNWIND $skillIds AS skillId
OPTIONAL MATCH (skill:Node {id: skillId})
USING INDEX SEEK skill:Node(id)
WHERE skill:Skill
WITH collect(DISTINCT skill) AS given, collect(CASE WHEN skill IS NULL THEN skillId END) AS missing
CALL (given) {
  UNWIND given AS skill
  MATCH (skill)<-[r:REQUIRES_SKILL]-(role:Role)
  WITH role, sum(coalesce(r.salience, r.weight)) AS matchedWeight
  WITH role, matchedWeight, CASE WHEN role.skillNorm > 0 THEN round(matchedWeight / (role.skillNorm * sqrt(size(given))), 12) ELSE 0.0 END AS score
  ORDER BY score DESC, role.name ASC, role.id ASC
  LIMIT toInteger($first)
  WITH role, matchedWeight, score,
    COLLECT { MATCH (role)-[q:REQUIRES_SKILL]->(s:Skill) RETURN {skill: s, weight: coalesce(q.salience, q.weight)} } AS needs
  WITH role, score, needs,
    [need IN needs WHERE NOT need.skill IN given | {skill: need.skill,
      gain: CASE WHEN role.skillNorm > 0 THEN round((matchedWeight + need.weight) / (role.skillNorm * sqrt(size(given) + 1)), 12) - score ELSE 0.0 END}] AS gains
  RETURN collect({
    role: [p IN coalesce($roleProperties, keys(role)) | [p, role[p]]], score: score,
    matched: [need IN needs WHERE need.skill IN given | [p IN coalesce($skillProperties, keys(need.skill)) | [p, need.skill[p]]]],
    missing: [need IN gains | [p IN coalesce($skillProperties, keys(need.skill)) | [p, need.skill[p]]]],
    gains: [need IN gains | need.gain]
  }) AS recommendations
}
RETURN missing, recommendations
