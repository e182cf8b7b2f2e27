// Question: none; reads the skill index kept now (skill-index-set.cypher), one page of
// skills at a time in id order, so that a refresh writes only the skills whose entry
// changed.
// Parameters: $after (the last id of the previous page; '' for the first), $page (1..5000).
// Returns per skill: id, ids and shares (empty when none is kept).
MATCH (skill:Skill)
WHERE skill.id > $after
WITH skill
ORDER BY skill.id
LIMIT toInteger($page)
RETURN skill.id AS id, coalesce(skill.requiredByIds, []) AS ids, coalesce(skill.requiredByShares, []) AS shares
