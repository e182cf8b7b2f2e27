// Write: records that the kept neighbours were rebuilt from the graph as it was at
// $generation by the formulas of $version; a later mark (a write during the rebuild)
// keeps them due.
// Parameters: $state (the GraphState id, 'role-neighbours'), $generation, $version. Returns one row: built.
MERGE (state:GraphState {id: $state})
SET state.built = CASE WHEN coalesce(state.built, -1) < $generation THEN $generation ELSE state.built END,
  state.version = $version
RETURN state.built AS built
