// The graph version: 0 until the first write that records one.
OPTIONAL MATCH (g:GraphState {id: 'graph'})
RETURN coalesce(g.version, 0) AS version
