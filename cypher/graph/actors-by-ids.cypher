// Actors by id with their degree (every tie), in the order of $ids; unknown ids are skipped.
UNWIND range(0, size($ids) - 1) AS i
MATCH (a:Actor {id: $ids[i]})
RETURN properties(a) AS actor, COUNT { (a)-[:FUNDS|PILOTS|PARTNERS_WITH|LABELS]-() } AS degree
ORDER BY i
