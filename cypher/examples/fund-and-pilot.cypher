// Title: Actors that both fund and pilot
// Description: Actors that FUND some actors and PILOT others: where money and steering sit in the same hands.
MATCH (a:Actor)-[f:FUNDS]->(funded:Actor)
MATCH (a)-[p:PILOTS]->(piloted:Actor)
RETURN a.name AS actor, a.kind AS kind, collect(DISTINCT funded.name) AS funds, collect(DISTINCT piloted.name) AS pilots,
       a, collect(DISTINCT f) AS fundingTies, collect(DISTINCT p) AS pilotTies
ORDER BY size(funds) + size(pilots) DESC, actor
