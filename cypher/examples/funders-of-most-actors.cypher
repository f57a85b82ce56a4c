// Title: Who funds the most actors
// Description: Funders ranked by how many distinct actors they fund, with the beneficiaries and how many grants have a known amount.
MATCH (f:Actor)-[r:FUNDS]->(b:Actor)
WITH f, collect(DISTINCT b.name) AS beneficiaries, count(r) AS grants, count(r.amount) AS withAmount, collect(r) AS ties
RETURN f.name AS funder, f.kind AS kind, size(beneficiaries) AS actorsFunded, beneficiaries, grants, withAmount, f, ties
ORDER BY actorsFunded DESC, grants DESC, funder
LIMIT 25
