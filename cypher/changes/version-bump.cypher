// Increments the graph version, in the transaction that commits, rolls back or undoes a change set.
MERGE (g:GraphState {id: 'graph'})
  ON CREATE SET g.version = 0
SET g.version = g.version + 1
RETURN g.version AS version
