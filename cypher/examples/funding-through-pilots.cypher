// Title: Money reaching a structure through the one that pilots it
// Description: A funder pays an organisation that PILOTS another (a label, a programme, an event): the money's likely destination, hop by hop.
MATCH p = (f:Actor)-[g:FUNDS]->(pilot:Actor)-[:PILOTS]->(s:Actor)
WHERE f <> s
RETURN f.name AS funder, g.amount AS amountEUR, g.status AS status, pilot.name AS through, s.name AS piloted, p
ORDER BY amountEUR DESC, funder, piloted
