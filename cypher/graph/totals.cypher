// Actors, sources and ties by type in the whole graph, from Neo4j's count store (constant time whatever the size).
CALL () { MATCH (a:Actor) RETURN count(a) AS actors }
CALL () { MATCH (s:Source) RETURN count(s) AS sources }
CALL () { MATCH ()-[r:FUNDS]->() RETURN count(r) AS funds }
CALL () { MATCH ()-[r:PILOTS]->() RETURN count(r) AS pilots }
CALL () { MATCH ()-[r:PARTNERS_WITH]->() RETURN count(r) AS partners }
CALL () { MATCH ()-[r:LABELS]->() RETURN count(r) AS labels }
RETURN actors, sources, funds + pilots + partners + labels AS relationships,
  {FUNDS: funds, PILOTS: pilots, PARTNERS_WITH: partners, LABELS: labels} AS types
