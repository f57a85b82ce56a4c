// Title: The most connected actors
// Description: The fifteen actors with the most ties of any type, counted once per tie.
MATCH (a:Actor)
WITH a, COUNT { (a)-[:FUNDS|PILOTS|PARTNERS_WITH|LABELS]-(:Actor) } AS ties
WHERE ties > 0
RETURN a.name AS actor, a.kind AS kind, ties, a
ORDER BY ties DESC, actor
LIMIT 15
