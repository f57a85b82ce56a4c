// Title: The evidence behind one actor's ties
// Description: Each tie of an actor (The Camp by default; change $id) with the source and the excerpt that support it.
// Params: {"id": "the-camp"}
MATCH (a:Actor {id: $id})-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]-(o:Actor)
UNWIND range(0, size(r.evidenceSources) - 1) AS i
MATCH (s:Source {id: r.evidenceSources[i]})
RETURN type(r) AS tie, o.name AS other, s.title AS source, s.publisher AS publisher, r.evidenceExcerpts[i] AS excerpt, a, r, o
ORDER BY tie, other
