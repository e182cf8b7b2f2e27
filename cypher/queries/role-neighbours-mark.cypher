// Write: records that the roles' profiles may have changed, so their kept neighbours
// are due a refresh: one more generation on the (:GraphState {id: $state})
// node ($state). Every writer that refreshes the role weights does this in the same
// transaction (src/database/role-weights.ts).
// Parameters: $state (the GraphState id, 'role-neighbours'). Returns one row: generation.
MERGE (state:GraphState {id: $state})
SET state.generation = coalesce(state.generation, 0) + 1
RETURN state.generation AS generation
