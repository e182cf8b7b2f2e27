// Write: records that the roles' profiles may have changed, so their kept neighbours
// are due a refresh (src/database/role-neighbours.ts). Every writer that refreshes the
// role weights does this in the same transaction (src/database/role-weights.ts). A
// flag rather than a counter: a write that changes nothing, followed by its refresh,
// leaves the graph as it was.
// Parameters: $state (the GraphState id, 'role-neighbours'). Returns one row: due.
MERGE (state:GraphState {id: $state})
SET state.due = true
RETURN state.due AS due
