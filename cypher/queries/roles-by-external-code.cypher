// Question: which roles carry a code of this system, and which codes?
// Parameters: $prefix (the system and its colon, e.g. `ONET_SOC:`). Returns one row per role: id, codes (the
// role's `SYSTEM:code` strings of that system).
// Plan: a scan of the roles (thousands at most); run by importers, never per request.
MATCH (role:Role)
WHERE role.externalCodes IS NOT NULL
WITH role, [code IN role.externalCodes WHERE code STARTS WITH $prefix] AS codes
WHERE size(codes) > 0
RETURN role.id AS id, codes
