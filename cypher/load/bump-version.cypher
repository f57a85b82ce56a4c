// Increments the graph version (GraphState) in the transaction that writes: caches and metrics key on it.
MERGE (g:GraphState {id: 'graph'})
ON CREATE SET g.version = 1
ON MATCH SET g.version = g.version + 1
RETURN g.version AS version
