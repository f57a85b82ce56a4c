// One tie by id (each type has its own id index, hence four seeks), with its ends and the sources its
// evidence cites; $type, when set, picks among ties of different types that share an id.
CALL () {
  MATCH (a:Actor)-[r:FUNDS {id: $id}]->(b:Actor) RETURN r, a, b
  UNION ALL
  MATCH (a:Actor)-[r:PILOTS {id: $id}]->(b:Actor) RETURN r, a, b
  UNION ALL
  MATCH (a:Actor)-[r:PARTNERS_WITH {id: $id}]->(b:Actor) RETURN r, a, b
  UNION ALL
  MATCH (a:Actor)-[r:LABELS {id: $id}]->(b:Actor) RETURN r, a, b
}
WITH r, a, b
WHERE $type IS NULL OR type(r) = $type
OPTIONAL MATCH (s:Source) WHERE s.id IN r.evidenceSources
WITH r, a, b, s ORDER BY s.id
RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props,
  properties(a) AS sourceActor, properties(b) AS targetActor, collect(properties(s)) AS sources
