// Creates relationships between existing actors. The uniqueness constraint on each type's id refuses a
// duplicate; CREATE needs no index seek, so the type may be dynamic here. A row whose ends are missing
// creates nothing: the caller compares the count.
UNWIND $rows AS row
MATCH (a:Actor {id: row.source})
MATCH (b:Actor {id: row.target})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS n
