// Which database and which version of its graph (server/graph/answers.ts keys the answers it keeps on disk by both):
// the database's own id (a new one for a store created afresh, whatever the version says) and the GraphState's version.
CALL db.info() YIELD id
OPTIONAL MATCH (g:GraphState {id: 'graph'})
RETURN id AS database, coalesce(g.version, 0) AS version
