// Title: What the local authorities do
// Description: Every tie of the cities, metropolis and agglomerations: whom they fund, pilot, label or partner with.
MATCH (la:Actor {kind: 'local_authority'})-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]-(o:Actor)
RETURN la.name AS authority, type(r) AS tie, CASE WHEN startNode(r) = la THEN 'out' ELSE 'in' END AS direction,
       o.name AS other, r.amount AS amountEUR, la, r, o
ORDER BY authority, tie, other
