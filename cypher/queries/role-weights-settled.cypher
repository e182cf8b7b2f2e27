// Write: records that the roles' derived weights were refreshed after the writes of
// these datasets (an import's last batch), or of every one ($datasets null: the
// service's refresh at start, which also records the $version of the formulas it applied:
// an import's refresh may be skipped when it changed nothing, so only the start's vouches
// for every role).
// Parameters: $state (the state node's id), $datasets (list of dataset ids, or null),
// $version (src/database/role-weights.ts WEIGHTS_VERSION). Returns the datasets still pending.
// Idempotent: one (:GraphState {id: $state}) node (migration 008 keeps ids unique).
MERGE (state:GraphState {id: $state})
SET state.pending = CASE WHEN $datasets IS NULL THEN []
  ELSE [dataset IN coalesce(state.pending, []) WHERE NOT dataset IN $datasets] END,
  state.version = CASE WHEN $datasets IS NULL THEN $version ELSE state.version END
RETURN state.pending AS pending
