// Replaces the properties of relationships found by type and id; with $cs, only those that change set
// wrote last (undo). Their ends stay: a change of ends is a deletion and a creation.
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE row.type = 'FUNDS'
  MATCH ()-[r:FUNDS {id: row.props.id}]->()
  WHERE $cs IS NULL OR r._cs = $cs
  SET r = row.props
  RETURN r
  UNION ALL
  WITH row WHERE row.type = 'PILOTS'
  MATCH ()-[r:PILOTS {id: row.props.id}]->()
  WHERE $cs IS NULL OR r._cs = $cs
  SET r = row.props
  RETURN r
  UNION ALL
  WITH row WHERE row.type = 'PARTNERS_WITH'
  MATCH ()-[r:PARTNERS_WITH {id: row.props.id}]->()
  WHERE $cs IS NULL OR r._cs = $cs
  SET r = row.props
  RETURN r
  UNION ALL
  WITH row WHERE row.type = 'LABELS'
  MATCH ()-[r:LABELS {id: row.props.id}]->()
  WHERE $cs IS NULL OR r._cs = $cs
  SET r = row.props
  RETURN r
}
RETURN count(r) AS n
