// Question: what does each move of a career path carry over, and what must be learnt?
// Parameters: $pairs (list of [from id, to id]), $commonShare (0..1: a skill required by
//             more than this share of the roles of its own taxonomy is common, when
//             that taxonomy has at least $commonMinRoles roles: in a handful of roles
//             a shared skill is no hub),
//             $includeCommon (true to list common skills too), $state (the GraphState id
//             of the kept neighbours, whose refresh records each taxonomy's role count),
//             $taxonomyPrefixes ([taxonomy, id prefix] pairs: a skill's taxonomy is told
//             by its id), $otherTaxonomy (the taxonomy of ids no prefix names),
//             $first (how many skills to list per move and side), $roleProperties,
//             $skillProperties.
// For a move from A to B, with F = A's skills (each weighing 1 as a person's) and T = B's:
//   fit      = Σ fw(B, s) over T ∩ F / (‖B‖ · √|F|): the score recommendRoles gives B
//              for A's skills (recommend-roles.cypher), 0 when either is empty;
//   carries  = T ∩ F, ranked by min(sal(A, s), sal(B, s)), highest first, then by name:
//              what marks both roles out comes before what every role needs;
//   toLearn  = T minus F with its gain (Σ fw over T ∩ F + fw(B, s)) / (‖B‖·√(|F| + 1)) − fit,
//              highest first, then by name;
// sal is the requirement's salience or else its weight (how far it stands out in the role:
// the similarity's weighting), fw its priority or else its weight (recommendRoles'). Common skills (hubs such as
// O*NET's Active Listening) are left out of both lists unless $includeCommon: they
// connect nearly every pair and explain none. The similarity and its parts come from
// A's kept neighbours (null when B is no longer among them).
// Returns one row per pair found, in the order given.
OPTIONAL MATCH (state:GraphState {id: $state})
WITH coalesce(state.taxonomies, []) AS taxonomies, coalesce(state.taxonomyRoles, []) AS counts
WITH [i IN range(0, size(taxonomies) - 1) | [taxonomies[i], counts[i]]] AS taxonomyRoles
UNWIND range(0, size($pairs) - 1) AS position
MATCH (a:Node {id: $pairs[position][0]})
USING INDEX SEEK a:Node(id)
WHERE a:Role
MATCH (b:Node {id: $pairs[position][1]})
USING INDEX SEEK b:Node(id)
WHERE b:Role
WITH taxonomyRoles, position, a, b, coalesce(a.similarIds, []) AS ids
WITH taxonomyRoles, position, a, b, [i IN range(0, size(ids) - 1) WHERE ids[i] = b.id][0] AS at
CALL (a, b, taxonomyRoles) {
  MATCH (b)-[rb:REQUIRES_SKILL]->(skill:Skill)
  OPTIONAL MATCH (a)-[ra:REQUIRES_SKILL]->(skill)
  WITH skill, ra, coalesce(rb.salience, rb.weight) AS salB, coalesce(ra.salience, ra.weight) AS salA,
    coalesce(rb.priority, rb.weight) AS fwB,
    coalesce([t IN taxonomyRoles WHERE t[0] = coalesce([p IN $taxonomyPrefixes WHERE skill.id STARTS WITH p[1] | p[0]][0], $otherTaxonomy) | t[1]][0], 1) AS roles
  // Only roles require skills (REQUIRES_SKILL runs from Role to Skill), so the skill's
  // degree counts the roles requiring it without reading them.
  WITH skill, ra, salA, salB, fwB,
    roles >= $commonMinRoles AND toFloat(COUNT { (skill)<-[:REQUIRES_SKILL]-() }) / roles > $commonShare AS common
  RETURN collect({skill: skill, held: ra IS NOT NULL, salA: salA, salB: salB, fwB: fwB, common: common}) AS needs
}
WITH position, a, b, at, needs,
  toFloat(COUNT { (a)-[:REQUIRES_SKILL]->(:Skill) }) AS heldCount,
  reduce(total = 0.0, need IN needs | total + CASE WHEN need.held THEN need.fwB ELSE 0.0 END) AS matched
WITH position, a, b, at, needs, heldCount, matched,
  CASE WHEN heldCount > 0 AND b.skillNorm > 0 THEN round(matched / (b.skillNorm * sqrt(heldCount)), 12) ELSE 0.0 END AS fit
WITH position, a, b, at, fit,
  [need IN needs WHERE need.held AND ($includeCommon OR NOT need.common) | {skill: need.skill, rank: CASE WHEN need.salA < need.salB THEN need.salA ELSE need.salB END}] AS carried,
  [need IN needs WHERE NOT need.held AND ($includeCommon OR NOT need.common) | {skill: need.skill,
    gain: CASE WHEN b.skillNorm > 0 THEN round((matched + need.fwB) / (b.skillNorm * sqrt(heldCount + 1)), 12) - fit ELSE 0.0 END}] AS learn
CALL (carried) {
  UNWIND carried AS entry
  WITH entry ORDER BY entry.rank DESC, entry.skill.name ASC, entry.skill.id ASC
  LIMIT toInteger($first)
  RETURN collect([p IN coalesce($skillProperties, keys(entry.skill)) | [p, entry.skill[p]]]) AS carries
}
CALL (learn) {
  UNWIND learn AS entry
  WITH entry ORDER BY entry.gain DESC, entry.skill.name ASC, entry.skill.id ASC
  LIMIT toInteger($first)
  RETURN collect([p IN coalesce($skillProperties, keys(entry.skill)) | [p, entry.skill[p]]]) AS toLearn, collect(entry.gain) AS gains
}
RETURN position,
  [p IN coalesce($roleProperties, keys(a)) | [p, a[p]]] AS fromRole,
  [p IN coalesce($roleProperties, keys(b)) | [p, b[p]]] AS toRole,
  CASE WHEN at IS NULL THEN null ELSE a.similarScores[at] END AS similarity,
  CASE WHEN at IS NULL THEN null ELSE {names: a.similarNames[at], duties: a.similarDuties[at], skills: a.similarSkills[at]} END AS parts,
  fit, carries, toLearn, gains
ORDER BY position
