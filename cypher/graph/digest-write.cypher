// Keeps a result computed from the whole graph (server/graph/digest.ts) beside the GraphState: not part of
// the graph, never exported. A result of an older version never replaces a newer one (two processes).
MERGE (d:GraphDigest {id: $id})
WITH d
WHERE d.version IS NULL OR d.version <= $version
SET d.version = $version, d.actors = $actors, d.relationships = $relationships, d.value = $value
