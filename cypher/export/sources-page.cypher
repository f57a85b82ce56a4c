// One page of source documents in id order after $after, for streamed exports.
MATCH (s:Source)
WHERE s.id > $after
RETURN properties(s) AS source
ORDER BY s.id
LIMIT $size
