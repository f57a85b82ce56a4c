// Deletes every actor, source, relationship and article extraction Maillage owns (used by `load --replace` and tests), and
// bumps the graph version so that no cache outlives the data.
MATCH (n) WHERE n:Actor OR n:Source OR n:Extraction
DETACH DELETE n
WITH count(*) AS deleted
MERGE (g:GraphState {id: 'graph'})
ON CREATE SET g.version = 1
ON MATCH SET g.version = g.version + 1
RETURN deleted
