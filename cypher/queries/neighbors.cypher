// One step of a breadth-first expansion: up to $room actors not seen yet (in id order) reached from the
// frontier by the allowed types, with the ties that reach them. Neighbours are grouped before anything is
// read of them, so a hub's 20,000 ties cost their ids, not 20,000 rows of properties; ties among actors
// already seen come from edges-among.cypher at the end.
UNWIND $frontier AS fid
MATCH (a:Actor {id: fid})-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]-(o:Actor)
WHERE type(r) IN $types AND NOT o.id IN $seen
WITH o, collect(DISTINCT r) AS rels
ORDER BY o.id
LIMIT $room
UNWIND rels AS r
RETURN type(r) AS type, startNode(r).id AS source, endNode(r).id AS target,
  properties(r) AS props, properties(o) AS other
