// Title: Who funds whom, and how much
// Description: Every FUNDS tie with its amount in euros (unknown amounts last), date and status.
MATCH (f:Actor)-[r:FUNDS]->(t:Actor)
RETURN f.name AS funder, t.name AS funded, r.amount AS amountEUR, r.date AS date, r.status AS status, f, r, t
ORDER BY r.amount IS NULL, r.amount DESC, funder
