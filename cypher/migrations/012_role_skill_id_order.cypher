// Paging roles and skills in id order (roles-page.cypher, skills-page.cypher): with a
// range index per label the page is read from the index in order and stops after it,
// instead of scanning and sorting every role (4,028 on the real releases) or skill
// (13,991). Node(id)'s unique index covers every node, most of them neither.
CREATE RANGE INDEX role_id IF NOT EXISTS FOR (r:Role) ON (r.id);
CREATE RANGE INDEX skill_id IF NOT EXISTS FOR (s:Skill) ON (s.id);
