// One step of a breadth-first expansion: up to $room actors not seen yet, reached from the frontier by the
// allowed types, in the order the database walks the frontier's ties (frontier actor by actor). The walk
// stops once $room are found, so a hub's 20,000 ties cost $room steps, not 20,000 (ordering them by id
// read all 20,000). The ties themselves come from edges-among.cypher, once the view's actors are known.
UNWIND $frontier AS fid
MATCH (a:Actor {id: fid})-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]-(o:Actor)
WHERE type(r) IN $types AND NOT o.id IN $seen
WITH DISTINCT o
LIMIT $room
RETURN properties(o) AS actor
