// A result computed from the whole graph for one graph version (server/graph/digest.ts), kept across restarts.
MATCH (d:GraphDigest {id: $id})
RETURN d.version AS version, d.actors AS actors, d.relationships AS relationships, d.value AS value
