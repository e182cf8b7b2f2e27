// The record of which version of a dataset file was last loaded, one per dataset name.
CREATE CONSTRAINT dataset_load_name_unique IF NOT EXISTS
FOR (d:DatasetLoad) REQUIRE d.name IS UNIQUE;
