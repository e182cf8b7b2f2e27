// Write: records that the roles' derived weights were refreshed after the writes of
// these datasets (an import's last batch), or of every one ($datasets null: the
// service's refresh at start).
// Parameters: $state (the state node's id), $datasets (list of dataset ids, or null). Returns the datasets still pending.
// Idempotent: one (:GraphState {id: $state}) node (migration 008 keeps ids unique).
MERGE (state:GraphState {id: $state})
SET state.pending = CASE WHEN $datasets IS NULL THEN []
  ELSE [dataset IN coalesce(state.pending, []) WHERE NOT dataset IN $datasets] END
RETURN state.pending AS pending
