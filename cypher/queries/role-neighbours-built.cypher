// Write: a refresh of the kept neighbours finished, by the formulas of $version.
// Parameters: $state (the GraphState id, 'role-neighbours'), $version. Returns one row: building.
MERGE (state:GraphState {id: $state})
SET state.building = false, state.version = $version
RETURN state.building AS building
