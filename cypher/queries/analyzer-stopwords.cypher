// Question: which words does a full-text analyzer leave out of its index (its stop
// words)? A search in another language drops them from the user's words, since a
// prefix or fuzzy term is not analyzed and a stop word would then match nothing.
// Parameters: $analyzer (an analyzer name from src/models/languages.ts).
// Returns one row with the analyzer's stop words (none when it is unknown).
CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer, stopwords
WITH analyzer, stopwords
WHERE analyzer = $analyzer
RETURN stopwords
