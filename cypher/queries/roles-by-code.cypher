// Question: which roles carry this code of a classification?
// Parameters: $codes (stored `SYSTEM:code` strings to match exactly, e.g. `ISCO:3521`),
// $prefixes (stored-code prefixes to match, e.g. `ONET_SOC:27-4014.` for the SOC code
// 27-4014, which the O*NET-SOC codes 27-4014.xx refine), $limit.
// Returns up to $limit roles (their properties), ordered by name, then id.
// Plan: a scan of the roles, whose codes are a list property no index serves; a few
// thousand roles with the whole of O*NET and ESCO loaded, so about a millisecond.
MATCH (role:Role)
WHERE role.externalCodes IS NOT NULL
  AND any(code IN role.externalCodes WHERE code IN $codes OR any(prefix IN $prefixes WHERE code STARTS WITH prefix))
RETURN role {.*} AS role
ORDER BY role.name, role.id
LIMIT toInteger($limit)
