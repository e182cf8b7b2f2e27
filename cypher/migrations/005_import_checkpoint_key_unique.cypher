// How far an import has got through each file, so an interrupted import resumes.
CREATE CONSTRAINT import_checkpoint_key_unique IF NOT EXISTS
FOR (c:ImportCheckpoint) REQUIRE c.key IS UNIQUE;
