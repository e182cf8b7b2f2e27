// Question: which nodes' names or aliases best match a full-text query, in English or
// in another language?
// Numbers arrive from JavaScript as floats, hence toInteger.
// Parameters: $index (the full-text index: node_search for English, or a language's
//             from src/models/languages.ts, never user text),
//             $query (a Lucene query built from escaped user words),
//             $labels (kind labels to keep, or null for all),
//             $candidates (how many index hits to consider), $first (how many to return).
// Returns up to $first rows, best score first, ties by name.
CALL db.index.fulltext.queryNodes($index, $query, {limit: toInteger($candidates)})
YIELD node, score
WITH node, score, [l IN labels(node) WHERE l <> 'Node'][0] AS label
WHERE $labels IS NULL OR label IN $labels
RETURN node {.*} AS node, label, score
ORDER BY score DESC, node.name ASC
LIMIT toInteger($first)
