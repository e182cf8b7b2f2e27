// Question: none; reads what the role profiles are built from (src/analysis/role-profile.ts),
// one page of roles at a time, in id order.
// Parameters: $after (the last id of the previous page; '' for the first), $page (1..5000),
//             $jobZonePrefix (the id prefix of O*NET's job-zone education nodes, followed
//             by the zone's number).
// Returns per role: id, name, its names (name and aliases), duties (summary, description
// and the names of its responsibilities), skills as [skill id, weight] pairs (the
// requirement's salience where the taxonomy rates it, else its weight: see
// upsert-links.cypher), fitSkills the same with the requirement's priority where it has
// one, else its weight (the skill index's weights: see refresh-role-weights.cypher), its job zone (that of the job-zone education it requires, O*NET's
// Job Zones.txt; null when none), and what is kept now (neighbour ids, scores and job
// zones, and the role's own zone), so that the refresh writes only the roles whose list
// changed.
MATCH (role:Role)
WHERE role.id > $after
WITH role
ORDER BY role.id
LIMIT toInteger($page)
RETURN role.id AS id, coalesce(role.name, role.id) AS name,
  [text IN [role.name] + coalesce(role.aliases, []) WHERE text IS NOT NULL] AS names,
  [text IN [role.summary, role.description] WHERE text IS NOT NULL]
    + COLLECT { MATCH (role)-[:HAS_RESPONSIBILITY]->(duty:Responsibility) WHERE duty.name IS NOT NULL RETURN duty.name } AS duties,
  COLLECT { MATCH (role)-[r:REQUIRES_SKILL]->(skill:Skill) RETURN [skill.id, toFloat(coalesce(r.salience, r.weight, 1.0))] } AS skills,
  COLLECT { MATCH (role)-[r:REQUIRES_SKILL]->(skill:Skill) RETURN [skill.id, toFloat(coalesce(r.priority, r.weight, 1.0))] } AS fitSkills,
  [(role)-[:REQUIRES_EDUCATION]->(zone:Education) WHERE zone.id STARTS WITH $jobZonePrefix | toInteger(substring(zone.id, size($jobZonePrefix)))][0] AS jobZone,
  coalesce(role.similarIds, []) AS similarIds, coalesce(role.similarScores, []) AS similarScores,
  coalesce(role.similarZones, []) AS similarZones, role.jobZone AS keptJobZone
