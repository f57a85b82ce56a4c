// Title: How two local authorities are connected
// Description: Every simple path of at most three ties between two local authorities (Ville de Marseille and Communauté du Pays d'Aix by default; change $from and $to), shortest first.
// Params: {"from": "ville-de-marseille", "to": "communaute-du-pays-d-aix"}
MATCH p = (a:Actor {id: $from})-[:FUNDS|PILOTS|PARTNERS_WITH|LABELS*1..3]-(b:Actor {id: $to})
WHERE all(n IN nodes(p) WHERE single(m IN nodes(p) WHERE m = n))
RETURN [n IN nodes(p) | n.name] AS actors, [r IN relationships(p) | type(r)] AS types, length(p) AS hops, p
ORDER BY hops
LIMIT 50
