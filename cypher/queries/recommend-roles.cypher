// Question: which roles best fit what a person holds, and what would each still need?
// Parameters: $skillIds (1..100 distinct skill ids), $weights (how much of each the person
//             holds, aligned with $skillIds, each > 0; all 1 when only skills are given),
//             $only (null, or role ids: score these roles only, matched or not),
//             $filter (null, or {prefixes: [[taxonomy, id prefix]], other: the taxonomy
//             of ids no prefix names, taxonomies: the taxonomies to keep or null,
//             minMedianWage, currency, period, minGrowth, jobZones (the ids of
//             O*NET's job-zone education nodes to keep): null for no bound, and
//             jobZonePrefix, the prefix of those ids}),
//             $first (1..100), $roleProperties, $skillProperties (the properties of the
//             roles and of the matched and missing skills to return, as the query
//             selects them; null for all).
// Formula: the cosine between the person's profile p (p(s) the weight given for s) and
// the role R's skill profile:
//   score(R)  = Σ p(s)·fw(R, s) over S(R) ∩ G / (‖R‖ · ‖p‖),
//   ‖R‖ = √(Σ fw(R, s)² over S(R)),  ‖p‖ = √(Σ p(s)² over G),
//   fw(R, s) = the requirement's priority where it has an importance (O*NET's: how high
//              it ranks among the role's own ratings, exp(−rank/10), see
//              refresh-role-weights.cypher), else its weight (1 essential and 0.5
//              optional for ESCO, 1 for curated roles).
// So a role scores 1 when the person holds exactly what it needs, in its proportions;
// skills a role does not need lower its score (‖p‖), and so does a role needing much
// the person lacks (‖R‖): a role needing little cannot win by needing little.
// ‖R‖ is the role's skillNorm, kept current by refresh-role-weights.cypher; the
// candidates and their Σ p·sal/‖R‖ come from the skill index (skill-index-set.cypher),
// kept with the role neighbours, so a candidate's requirements are read only when it
// ranks among the first $first.
// Each missing skill comes with its gain: how much the score would rise with it held
// at weight 1, gain(s) = (Σ p·fw over S(R) ∩ G + fw(R, s)) / (‖R‖ · √(‖p‖² + 1)) − score(R).
// The filter keeps roles of the given taxonomies (told by their id prefix), with a
// median wage of the given currency and period at least minMedianWage, and a projected
// employment change at least minGrowth percent: from the role's own figures or an
// equivalent role's (one EQUIVALENT_TO hop, as Role.equivalentFigures reads them); and
// with an O*NET job zone among jobZones: its own, or an equivalent role's for a role
// that has none (an ESCO occupation or a curated role and their O*NET equivalents).
// Scores are rounded to 12 decimals so that mathematically equal scores tie exactly.
// Ranking: score, highest first; ties by role name, then id. Candidates: the roles
// requiring at least one given skill, or the $only roles.
// Returns one row: missing (asked ids that are not skills) and up to $first
// recommendations, their role and skills as lists of [name, value] pairs, with the
// matched weight over ‖R‖ (`reach`), from which the caller derives gains of skills the
// role does not need.
UNWIND range(0, size($skillIds) - 1) AS position
OPTIONAL MATCH (skill:Node {id: $skillIds[position]})
USING INDEX SEEK skill:Node(id)
WHERE skill:Skill
WITH collect(CASE WHEN skill IS NOT NULL THEN {skill: skill, weight: toFloat($weights[position])} END) AS held,
  collect(CASE WHEN skill IS NULL THEN $skillIds[position] END) AS missing
WITH held, missing, [h IN held | h.skill] AS given,
  sqrt(reduce(total = 0.0, h IN held | total + h.weight * h.weight)) AS personNorm
CALL (held, given, personNorm) {
  // Candidates and their matched weight over ‖R‖ (reach), from the skill index kept
  // with the role neighbours (skill-index-set.cypher): the roles requiring each held
  // skill with fw(R, s)/‖R‖, summed per role, so no requirement is read. Or the $only
  // roles, from their requirements.
  CALL (held) {
    WITH held
    WHERE $only IS NULL
    UNWIND held AS h
    WITH h, coalesce(h.skill.requiredByIds, []) AS ids, coalesce(h.skill.requiredByShares, []) AS shares
    UNWIND range(0, size(ids) - 1) AS i
    RETURN ids[i] AS roleId, h.weight * shares[i] AS part
    UNION ALL
    WITH held
    WHERE $only IS NOT NULL
    UNWIND $only AS roleId
    MATCH (role:Node {id: roleId})
    USING INDEX SEEK role:Node(id)
    WHERE role:Role
    RETURN roleId, CASE WHEN role.skillNorm > 0 THEN reduce(total = 0.0, h IN held |
      total + h.weight * coalesce([(role)-[r:REQUIRES_SKILL]->(s) WHERE s = h.skill | coalesce(r.priority, r.weight)][0], 0.0)) / role.skillNorm ELSE 0.0 END AS part
  }
  WITH roleId, sum(part) AS reach
  WITH roleId, reach, CASE WHEN personNorm > 0 THEN round(reach / personNorm, 12) ELSE 0.0 END AS score
  ORDER BY score DESC
  // Without a filter only the first $first scores can rank, and the roles tying the last
  // of them: only those are read. With one, every candidate is read and kept or not.
  WITH collect([roleId, reach, score]) AS ranked
  WITH ranked, CASE WHEN $filter IS NULL AND size(ranked) > $first THEN ranked[toInteger($first) - 1][2] ELSE -1.0 END AS floor
  UNWIND [entry IN ranked WHERE entry[2] >= floor] AS entry
  MATCH (role:Node {id: entry[0]})
  USING INDEX SEEK role:Node(id)
  USING INDEX SEEK role:Node(id)
  WHERE role:Role AND ($filter IS NULL OR (
    ($filter.taxonomies IS NULL OR coalesce([p IN $filter.prefixes WHERE role.id STARTS WITH p[1] | p[0]][0], $filter.other) IN $filter.taxonomies)
    AND ($filter.minMedianWage IS NULL OR EXISTS {
      MATCH (role)-[:EQUIVALENT_TO]-{0,1}(:Role)-[:HAS_SALARY]->(figure:SalaryFigure)
      WHERE figure.median >= $filter.minMedianWage AND figure.currency = $filter.currency AND figure.period = $filter.period })
    AND ($filter.minGrowth IS NULL OR EXISTS {
      MATCH (role)-[:EQUIVALENT_TO]-{0,1}(:Role)-[:HAS_GROWTH]->(figure:GrowthFigure)
      WHERE figure.percent >= $filter.minGrowth })
    AND ($filter.jobZones IS NULL OR EXISTS {
      MATCH (role)-[:EQUIVALENT_TO]-{0,1}(:Role)-[:REQUIRES_EDUCATION]->(zone:Education)
      WHERE zone.id IN $filter.jobZones
        AND (NOT EXISTS { (role)-[:REQUIRES_EDUCATION]->(own:Education) WHERE own.id STARTS WITH $filter.jobZonePrefix }
          OR (role)-[:REQUIRES_EDUCATION]->(zone)) })))
  WITH role, entry[1] AS reach, entry[2] AS score
  ORDER BY score DESC, role.name ASC, role.id ASC
  LIMIT toInteger($first)
  WITH role, reach, score, coalesce(role.skillNorm, 0.0) * reach AS matchedWeight,
    COLLECT { MATCH (role)-[q:REQUIRES_SKILL]->(s:Skill) RETURN {skill: s, weight: coalesce(q.priority, q.weight)} } AS needs
  WITH role, score, reach, needs, matchedWeight,
    [need IN needs WHERE NOT need.skill IN given | {skill: need.skill,
      gain: CASE WHEN role.skillNorm > 0 THEN round((matchedWeight + need.weight) / (role.skillNorm * sqrt(personNorm * personNorm + 1)), 12) - score ELSE 0.0 END}] AS gains
  RETURN collect({
    role: [p IN coalesce($roleProperties, keys(role)) | [p, role[p]]], score: score,
    reach: reach,
    matched: [need IN needs WHERE need.skill IN given | [p IN coalesce($skillProperties, keys(need.skill)) | [p, need.skill[p]]]],
    missing: [need IN gains | [p IN coalesce($skillProperties, keys(need.skill)) | [p, need.skill[p]]]],
    gains: [need IN gains | need.gain]
  }) AS recommendations
}
RETURN missing, recommendations, personNorm
