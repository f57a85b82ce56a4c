// Deletes relationships found by type and id; with $cs, only those that change set wrote last (undo).
UNWIND $refs AS ref
CALL (ref) {
  WITH ref WHERE ref.type = 'FUNDS'
  MATCH ()-[r:FUNDS {id: ref.id}]->()
  WHERE $cs IS NULL OR r._cs = $cs
  DELETE r
  RETURN 1 AS one
  UNION ALL
  WITH ref WHERE ref.type = 'PILOTS'
  MATCH ()-[r:PILOTS {id: ref.id}]->()
  WHERE $cs IS NULL OR r._cs = $cs
  DELETE r
  RETURN 1 AS one
  UNION ALL
  WITH ref WHERE ref.type = 'PARTNERS_WITH'
  MATCH ()-[r:PARTNERS_WITH {id: ref.id}]->()
  WHERE $cs IS NULL OR r._cs = $cs
  DELETE r
  RETURN 1 AS one
  UNION ALL
  WITH ref WHERE ref.type = 'LABELS'
  MATCH ()-[r:LABELS {id: ref.id}]->()
  WHERE $cs IS NULL OR r._cs = $cs
  DELETE r
  RETURN 1 AS one
}
RETURN count(one) AS n
