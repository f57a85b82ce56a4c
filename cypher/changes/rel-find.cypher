// Stored relationships by type and id (those that exist), seeking each type's uniqueness index (a dynamic
// type would scan every relationship): their ends and properties, or only their stamp and content hash.
UNWIND $refs AS ref
CALL (ref) {
  WITH ref WHERE ref.type = 'FUNDS'
  MATCH (a)-[r:FUNDS {id: ref.id}]->(b)
  RETURN a.id AS source, b.id AS target, CASE WHEN $full THEN properties(r) ELSE {id: r.id, _cs: r._cs, _h: r._h} END AS props
  UNION ALL
  WITH ref WHERE ref.type = 'PILOTS'
  MATCH (a)-[r:PILOTS {id: ref.id}]->(b)
  RETURN a.id AS source, b.id AS target, CASE WHEN $full THEN properties(r) ELSE {id: r.id, _cs: r._cs, _h: r._h} END AS props
  UNION ALL
  WITH ref WHERE ref.type = 'PARTNERS_WITH'
  MATCH (a)-[r:PARTNERS_WITH {id: ref.id}]->(b)
  RETURN a.id AS source, b.id AS target, CASE WHEN $full THEN properties(r) ELSE {id: r.id, _cs: r._cs, _h: r._h} END AS props
  UNION ALL
  WITH ref WHERE ref.type = 'LABELS'
  MATCH (a)-[r:LABELS {id: ref.id}]->(b)
  RETURN a.id AS source, b.id AS target, CASE WHEN $full THEN properties(r) ELSE {id: r.id, _cs: r._cs, _h: r._h} END AS props
}
RETURN ref.type AS type, source, target, props
