// Every stored source's properties, streamed once (as actors-all.cypher, for sources).
MATCH (s:Source)
RETURN properties(s) AS props
