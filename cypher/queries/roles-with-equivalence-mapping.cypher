// Question: which roles carry an editorial mapping to other taxonomies (the curated roles), and what is it?
// Parameters: none. Returns one row per such role: id, mapping (JSON text: a list of {code, match, reason,
// citations}, see equivalentSchema in src/data/curated-schema.ts).
// Plan: a scan of the roles (thousands at most); run after the curated load and after an import, never per request.
MATCH (role:Role)
WHERE role.equivalenceMapping IS NOT NULL
RETURN role.id AS id, role.equivalenceMapping AS mapping
