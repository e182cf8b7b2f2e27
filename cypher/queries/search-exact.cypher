// Question: which nodes carry a code the text is, are in a group it names, or have
// a name or an alias equal to it, whatever the case and punctuation?
// Parameters: $query (a query of the keyword index node_exact, built by
//             src/repositories/exact-query.ts from escaped user words: its score is
//             the sum of the boosts of what a node matched),
//             $codes, $prefixes (the stored codes the text names, and prefixes of
//             them, which order the roles of one group: O*NET's SOC-level
//             occupation, 29-1141.00, before those refining it),
//             $labels (kind labels to keep, or null for all),
//             $candidates (how many index hits to consider), $first (how many to return).
// Returns up to $first rows: the best score first; then by the least code matched;
// then the node with more aliases, the more widely named (of the three O*NET
// occupations with the alias Nurse, Registered Nurses, with 98, before Critical Care
// Nurses and Acute Care Nurses); then the shorter name, then by name and id.
// Plan: one index seek (each clause is a pattern over the index's terms), then a
// sort of at most $candidates rows.
CALL db.index.fulltext.queryNodes('node_exact', $query, {limit: toInteger($candidates)})
YIELD node, score
WITH node, score, [l IN labels(node) WHERE l <> 'Node'][0] AS label
WHERE $labels IS NULL OR label IN $labels
WITH node, score, label,
  reduce(least = null, code IN [code IN coalesce(node.externalCodes, [])
    WHERE code IN $codes OR any(prefix IN $prefixes WHERE code STARTS WITH prefix)] |
    CASE WHEN least IS NULL OR code < least THEN code ELSE least END) AS code
RETURN node {.*} AS node, label, score
ORDER BY score DESC, code ASC, size(coalesce(node.aliases, [])) DESC, size(node.name) ASC, node.name ASC, node.id ASC
LIMIT toInteger($first)
