// Fallback when no actor contains the tokens: Lucene fuzzy match (typos) on the folded names and aliases.
CALL db.index.fulltext.queryNodes('actor_names', $lucene) YIELD node, score
RETURN properties(node) AS actor
ORDER BY score DESC
LIMIT $limit
