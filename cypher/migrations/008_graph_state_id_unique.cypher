// (:GraphState) nodes hold what the service records about the graph as a whole,
// one node per concern by id (the role weights' pending imports first). The
// constraint keeps two writers that MERGE the same state at once from making two.
CREATE CONSTRAINT graph_state_id_unique IF NOT EXISTS
FOR (state:GraphState) REQUIRE state.id IS UNIQUE;
