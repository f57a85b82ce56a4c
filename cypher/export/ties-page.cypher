// One page of ties with their evidence, by source actor id, then tie id and type, after the cursor: each
// tie belongs to one source actor, so the walk lists every tie once (as cypher/graph/elements-ties.cypher).
MATCH (a:Actor)
WHERE a.id >= $after
WITH a
ORDER BY a.id
MATCH (a)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->(b:Actor)
WHERE a.id > $after OR r.id > $afterRel OR (r.id = $afterRel AND type(r) > $afterType)
RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props
ORDER BY a.id, r.id, type(r)
LIMIT $size
