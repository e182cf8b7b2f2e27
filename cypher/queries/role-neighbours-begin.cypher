// Write: a refresh of the kept neighbours begins: it takes the due flag (a write
// committing after this transaction sets it again, for the next refresh) and marks
// itself building until its last batch (a refresh that stops in between leaves the
// mark, and the next start refreshes). Runs in the transaction that reads the
// features, so what it reads is what it clears.
// Parameters: $state (the GraphState id, 'role-neighbours'). Returns one row: building.
MERGE (state:GraphState {id: $state})
SET state.due = false, state.building = true
RETURN state.building AS building
