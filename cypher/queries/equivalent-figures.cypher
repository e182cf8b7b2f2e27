// Question: which figures published by SOC code (the BLS's) do these roles reach through their equivalents?
// Parameters: $ids (role ids).
// Returns one row per (role, equivalent, figure): id, socCode, via (the equivalent's properties), figure (its
// properties) and label (SalaryFigure or GrowthFigure), ordered by role, SOC code and figure id. A figure whose SOC
// code the role holds a figure of itself is left out. The caller groups by SOC code and keeps one figure per source.
// Plan: an index seek per role, then one hop each way along EQUIVALENT_TO and one hop to the figures: a few dozen
// rows for an ESCO occupation with several O*NET equivalents.
UNWIND $ids AS id
MATCH (role:Node {id: id})
USING INDEX SEEK role:Node(id)
WHERE role:Role
MATCH (role)-[:EQUIVALENT_TO]-(other:Role)-[:HAS_SALARY|HAS_GROWTH]->(figure:Node)
WHERE figure.socCode IS NOT NULL
  AND NOT EXISTS { MATCH (role)-[:HAS_SALARY|HAS_GROWTH]->(own:Node) WHERE own.socCode = figure.socCode }
RETURN id, figure.socCode AS socCode, other {.*} AS via, figure {.*} AS figure,
  [label IN labels(figure) WHERE label <> 'Node'][0] AS label
ORDER BY id, socCode, figure.id
