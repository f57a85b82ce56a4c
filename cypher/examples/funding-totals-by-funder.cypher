// Title: Funding totals by funder
// Description: For each funder, the sum of the amounts the sources give, and how many of its grants have no known amount.
MATCH (f:Actor)-[r:FUNDS]->(:Actor)
RETURN f.name AS funder, f.kind AS kind, sum(r.amount) AS knownTotalEUR,
       count(r) AS grants, count(r) - count(r.amount) AS grantsWithoutAmount
ORDER BY knownTotalEUR DESC, grants DESC, funder
