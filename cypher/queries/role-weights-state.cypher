// Question: do the roles' derived weights need a refresh? They do when an import
// began writing and never reached its refresh, and on a graph that has never
// recorded (a graph written before this state was kept), or whose weights an earlier
// version of the formulas computed.
// Parameters: $state (the state node's id). Returns one row: known (the state was ever recorded), pending
// (the datasets whose refresh is outstanding), version (of the formulas last applied to all; null before versions).
OPTIONAL MATCH (state:GraphState {id: $state})
RETURN state IS NOT NULL AS known, coalesce(state.pending, []) AS pending, state.version AS version
