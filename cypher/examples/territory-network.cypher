// Title: The network of one territory
// Description: The actors of a territory (Marseille by default; change $territory) and the ties among them.
// Params: {"territory": "Marseille"}
MATCH (a:Actor)
WHERE a.territory STARTS WITH $territory
OPTIONAL MATCH (a)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]-(b:Actor)
WHERE b.territory STARTS WITH $territory
RETURN a.name AS actor, a.kind AS kind, a.territory AS territory, a, collect(DISTINCT r) AS ties
ORDER BY actor
