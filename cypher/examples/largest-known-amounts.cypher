// Title: The largest known amounts
// Description: FUNDS ties whose amount the sources give, largest first, with date, status and the excerpt that states it.
MATCH (f:Actor)-[r:FUNDS]->(b:Actor)
WHERE r.amount IS NOT NULL
RETURN f.name AS funder, b.name AS beneficiary, r.amount AS amountEUR, r.date AS date, r.status AS status,
       r.evidenceExcerpts[0] AS excerpt, f, r, b
ORDER BY amountEUR DESC, funder
LIMIT 25
