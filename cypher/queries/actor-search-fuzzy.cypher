// Fallback when no actor contains the tokens: Lucene fuzzy match (typos) on the folded names and aliases.
// Lucene keeps the best $limit itself: a typo of a common word matches thousands of names, which were all
// streamed out of the index to be sorted here.
CALL db.index.fulltext.queryNodes('actor_names', $lucene, {limit: $limit}) YIELD node, score
RETURN properties(node) AS actor
ORDER BY score DESC
LIMIT $limit
