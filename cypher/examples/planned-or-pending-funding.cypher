// Title: Funding not yet paid
// Description: FUNDS ties that are planned, pending, only of interest, or declined: money announced or asked for, not (yet) paid.
MATCH (f:Actor)-[r:FUNDS]->(b:Actor)
WHERE r.status IN ['planned', 'pending', 'interest', 'declined']
RETURN f.name AS funder, b.name AS beneficiary, r.status AS status, r.amount AS amountEUR, r.date AS date, f, r, b
ORDER BY status, amountEUR DESC, funder
