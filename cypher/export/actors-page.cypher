// One page of actors in id order after $after (keyset paging on the id index), for streamed exports.
MATCH (a:Actor)
WHERE a.id > $after
RETURN properties(a) AS actor
ORDER BY a.id
LIMIT $size
