// Ties the graph already holds among candidate pairs (either direction for the symmetric PARTNERS_WITH).
UNWIND $pairs AS p
MATCH (a:Actor {id: p.from})-[r]-(b:Actor {id: p.to})
WHERE type(r) = p.type AND (startNode(r) = a OR p.type = 'PARTNERS_WITH')
RETURN p.from AS from, p.to AS to, p.type AS type, r.id AS id, startNode(r).id AS source, endNode(r).id AS target,
       properties(r) AS props
