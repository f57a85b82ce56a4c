// How many actors, relationships (by type) and sources the graph holds.
CALL () { MATCH (a:Actor) RETURN count(a) AS actors }
CALL () { MATCH (s:Source) RETURN count(s) AS sources }
CALL () {
  MATCH ()-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->()
  RETURN count(r) AS relationships, count(r.evidenceSources) AS withEvidence
}
RETURN actors, sources, relationships, withEvidence
