// Of these candidate pairs ([a, b] ids), the ones already tied by a relationship in either direction.
UNWIND $pairs AS p
MATCH (a:Actor {id: p[0]})-[:FUNDS|PILOTS|PARTNERS_WITH|LABELS]-(b:Actor {id: p[1]})
RETURN DISTINCT p[0] AS a, p[1] AS b
