// Write: a refresh of the kept neighbours finished, by the formulas of $version, and
// recorded how many roles each taxonomy had then (career-moves.cypher reads them to
// tell common skills, without counting every role per request).
// Parameters: $state (the GraphState id, 'role-neighbours'), $version, $taxonomies
// (names) and $taxonomyRoles (their role counts, aligned). Returns one row: building.
MERGE (state:GraphState {id: $state})
SET state.building = false, state.version = $version, state.taxonomies = $taxonomies, state.taxonomyRoles = $taxonomyRoles
RETURN state.building AS building
