// Bench only (bench/large-graph.ts): creates a batch of generated ties between existing actors; the type
// comes from the generator's allow-list (REL_TYPES), as a dynamic type.
UNWIND $rows AS row
MATCH (a:Actor {id: row.s})
MATCH (b:Actor {id: row.t})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS n
