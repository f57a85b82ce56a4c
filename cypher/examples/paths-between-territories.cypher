// Title: Paths between local authorities of different territories
// Description: The shortest chain of ties linking two local authorities from different territories, shortest first.
MATCH (a:Actor {kind: 'local_authority'}), (b:Actor {kind: 'local_authority'})
WHERE a.territory < b.territory
MATCH p = shortestPath((a)-[:FUNDS|PILOTS|PARTNERS_WITH|LABELS*..6]-(b))
RETURN a.name AS from, a.territory AS fromTerritory, b.name AS to, b.territory AS toTerritory, length(p) AS hops, p
ORDER BY hops, from, to
LIMIT 20
