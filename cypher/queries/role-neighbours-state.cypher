// Question: are the kept neighbours current? They are when no write marked them due
// since the last refresh began (role-neighbours-mark.cypher), no refresh stopped half
// way, and the present version of the profile formulas built them.
// Parameters: $state (the GraphState id, 'role-neighbours'). Returns one row: due (true
// when never built), building, version (null when never built).
OPTIONAL MATCH (state:GraphState {id: $state})
RETURN coalesce(state.due, true) AS due, coalesce(state.building, false) AS building, state.version AS version
