// Question: where does each of these skills or skill groups sit in ESCO's skills
// hierarchy: which groups and skills are broader, which narrower?
// Parameters: $ids (list of Skill or SkillGroup ids).
// Returns one row per skill or group found: id; broaderGroups (a skill's groups, a
// group's broader groups) and broaderSkills, ordered by name; narrowerGroups (a
// group's groups, ordered by code then name) and narrowerSkills (a group's member
// skills, a skill's narrower skills, ordered by name). One hop each, so bounded.
// The hint keeps the index seek even when statistics are stale (right after a load).
UNWIND $ids AS id
MATCH (n:Node {id: id})
USING INDEX SEEK n:Node(id)
WHERE n:Skill OR n:SkillGroup
RETURN id,
  COLLECT { MATCH (n)-[:IN_SKILL_GROUP|BROADER_SKILL_GROUP]->(g:SkillGroup) RETURN DISTINCT g {.*} AS g ORDER BY g.name } AS broaderGroups,
  COLLECT { MATCH (n)-[:BROADER_SKILL]->(s:Skill) RETURN DISTINCT s {.*} AS s ORDER BY s.name } AS broaderSkills,
  COLLECT { MATCH (g:SkillGroup)-[:BROADER_SKILL_GROUP]->(n) RETURN DISTINCT g {.*} AS g ORDER BY g.code, g.name } AS narrowerGroups,
  COLLECT { MATCH (s:Skill)-[:IN_SKILL_GROUP|BROADER_SKILL]->(n) RETURN DISTINCT s {.*} AS s ORDER BY s.name } AS narrowerSkills
