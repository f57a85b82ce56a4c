// The graph version caches key on: 0 before the first change set.
OPTIONAL MATCH (g:GraphState {id: 'graph'})
RETURN coalesce(g.version, 0) AS version
