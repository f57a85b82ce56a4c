// Title: The articles behind the most ties
// Description: Each source document with the number of relationships it is cited as evidence for.
MATCH ()-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->()
UNWIND r.evidenceSources AS sourceId
MATCH (s:Source {id: sourceId})
RETURN s.title AS source, s.publisher AS publisher, s.date AS date, count(DISTINCT r) AS ties
ORDER BY ties DESC, source
