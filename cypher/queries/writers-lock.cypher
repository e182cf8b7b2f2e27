// Write: takes the write lock of one (:GraphState) node, held until the transaction
// ends, so that writers that change what roles require run one after another. Each
// derived value (a role's skillCount, skillWeight and skillNorm, the kept neighbours'
// due flag) is computed from the whole graph as the transaction sees it, and under
// read-committed isolation two writers running side by side each miss the other's
// change: the last to commit would leave values that count only its own. A writer
// that holds this lock sees every write committed before it, and `link` learns from
// MERGE whether it created the relationship without a racing twin doing the same.
// SET then REMOVE of a property that is never kept takes the node's lock and leaves
// it as it was (the pattern the Neo4j operations manual gives for lost updates).
// Parameters: $state (the GraphState id, 'writers'). Returns one row: locked.
MERGE (lock:GraphState {id: $state})
SET lock._LOCK_ = true
REMOVE lock._LOCK_
RETURN true AS locked
