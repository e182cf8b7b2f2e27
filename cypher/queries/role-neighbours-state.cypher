// Question: are the kept neighbours current? They are when the generation they were
// built from is the latest (see role-neighbours-mark.cypher) and they were built by
// the present version of the profile formulas.
// Parameters: $state (the GraphState id, 'role-neighbours'). Returns one row: generation (0 when never marked) and built (the
// generation of the last refresh, -1 when never built) and version (of the formulas
// that built them; null when never built).
OPTIONAL MATCH (state:GraphState {id: $state})
RETURN coalesce(state.generation, 0) AS generation, coalesce(state.built, -1) AS built, state.version AS version
