// Title: Ties confirmed by several sources
// Description: Relationships backed by two or more distinct documents, most corroborated first: the best-established facts.
MATCH (a:Actor)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->(b:Actor)
WITH a, r, b, reduce(acc = [], s IN r.evidenceSources | CASE WHEN s IN acc THEN acc ELSE acc + s END) AS sources
WHERE size(sources) >= 2
RETURN a.name AS from, type(r) AS type, b.name AS to, size(sources) AS sourceCount, sources, a, r, b
ORDER BY sourceCount DESC, from, to
