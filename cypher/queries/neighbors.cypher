// One step of a breadth-first expansion: the relationships of the frontier actors, of the allowed types.
UNWIND $frontier AS fid
MATCH (a:Actor {id: fid})-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]-(o:Actor)
WHERE type(r) IN $types
RETURN DISTINCT type(r) AS type, startNode(r).id AS source, endNode(r).id AS target,
  properties(r) AS props, properties(o) AS other
ORDER BY other.id
LIMIT $limit
