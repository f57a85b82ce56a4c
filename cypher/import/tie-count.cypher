// How many ties are stored (from the count store, no scan): whether a scan of their hashes beats lookups.
CALL () {
  MATCH ()-[r:FUNDS]->() RETURN count(r) AS n
  UNION ALL
  MATCH ()-[r:PILOTS]->() RETURN count(r) AS n
  UNION ALL
  MATCH ()-[r:PARTNERS_WITH]->() RETURN count(r) AS n
  UNION ALL
  MATCH ()-[r:LABELS]->() RETURN count(r) AS n
}
RETURN sum(n) AS n
