// Upserts relationships by (type, id) between existing actors. The type comes from the zod enum of four,
// checked before this runs; $(row.type) is Cypher's dynamic type, still a parameter, never spliced text.
UNWIND $rows AS row
MATCH (a:Actor {id: row.source})
MATCH (b:Actor {id: row.target})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r = row.props
RETURN count(r) AS n
