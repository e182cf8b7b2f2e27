// Write: records that an import has started writing requirements and has not yet
// refreshed the roles' derived weights (refresh-role-weights.cypher), so that a
// service starting after the import stopped half-way knows to refresh them.
// Parameters: $state (the state node's id), $dataset (the import's dataset id). Returns the datasets pending.
// Idempotent: one (:GraphState {id: $state}) node (migration 008 keeps ids unique), the dataset listed once.
MERGE (state:GraphState {id: $state})
SET state.pending = [dataset IN coalesce(state.pending, []) WHERE dataset <> $dataset] + $dataset
RETURN state.pending AS pending
