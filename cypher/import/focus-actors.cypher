// The actors a change set wrote last (created or updated: `_cs` is the last change set that wrote an element),
// most tied first: what an import's result shows when the graph is too large to be drawn whole. One pass over
// the actors (no index on `_cs`: a 100,000-actor graph is read in a fraction of a second, once per import).
MATCH (a:Actor)
WHERE a._cs = $cs
WITH a, COUNT { (a)-[:FUNDS|PILOTS|PARTNERS_WITH|LABELS]-() } AS degree
ORDER BY degree DESC, a.id
WITH collect(a.id) AS ids
RETURN size(ids) AS total, ids[0..$limit] AS ids
