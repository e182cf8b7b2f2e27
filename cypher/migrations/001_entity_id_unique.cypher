// Every fact node carries the Entity label; ids are unique across the whole graph.
// The constraint's index also serves every lookup by id.
CREATE CONSTRAINT entity_id_unique IF NOT EXISTS
FOR (n:Entity) REQUIRE n.id IS UNIQUE;
