// Title: Actors that pilot several structures
// Description: People and organisations that PILOT two or more others, with the structures they run.
MATCH (p:Actor)-[r:PILOTS]->(s:Actor)
WITH p, collect(s.name) AS structures, collect(r) AS ties
WHERE size(structures) >= 2
RETURN p.name AS actor, p.kind AS kind, size(structures) AS count, structures, p, ties
ORDER BY count DESC, actor
