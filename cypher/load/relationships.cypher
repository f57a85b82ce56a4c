// Upserts relationships by (type, id) between existing actors, all statically typed so the planner seeks
// the relationship-id index: an existing tie with the same ends is updated in place (SET =), one whose ends
// changed is deleted and re-created, a new one is created. MERGE instead scans every relationship of a hub
// actor, and delete-then-create rewrites the index: both made a 40k reload take minutes.
UNWIND $rows AS row
MATCH (a:Actor {id: row.source})
MATCH (b:Actor {id: row.target})
CALL (row, a, b) {
  WITH row, a, b WHERE row.type = 'FUNDS'
  OPTIONAL MATCH (x)-[old:FUNDS {id: row.id}]->(y)
  WITH row, a, b, old, old IS NOT NULL AND x = a AND y = b AS same
  FOREACH (_ IN CASE WHEN same THEN [1] ELSE [] END | SET old = row.props)
  FOREACH (_ IN CASE WHEN old IS NOT NULL AND NOT same THEN [1] ELSE [] END | DELETE old)
  FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END | CREATE (a)-[r:FUNDS]->(b) SET r = row.props)
  RETURN row.id AS r
  UNION
  WITH row, a, b WHERE row.type = 'PILOTS'
  OPTIONAL MATCH (x)-[old:PILOTS {id: row.id}]->(y)
  WITH row, a, b, old, old IS NOT NULL AND x = a AND y = b AS same
  FOREACH (_ IN CASE WHEN same THEN [1] ELSE [] END | SET old = row.props)
  FOREACH (_ IN CASE WHEN old IS NOT NULL AND NOT same THEN [1] ELSE [] END | DELETE old)
  FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END | CREATE (a)-[r:PILOTS]->(b) SET r = row.props)
  RETURN row.id AS r
  UNION
  WITH row, a, b WHERE row.type = 'PARTNERS_WITH'
  OPTIONAL MATCH (x)-[old:PARTNERS_WITH {id: row.id}]->(y)
  WITH row, a, b, old, old IS NOT NULL AND x = a AND y = b AS same
  FOREACH (_ IN CASE WHEN same THEN [1] ELSE [] END | SET old = row.props)
  FOREACH (_ IN CASE WHEN old IS NOT NULL AND NOT same THEN [1] ELSE [] END | DELETE old)
  FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END | CREATE (a)-[r:PARTNERS_WITH]->(b) SET r = row.props)
  RETURN row.id AS r
  UNION
  WITH row, a, b WHERE row.type = 'LABELS'
  OPTIONAL MATCH (x)-[old:LABELS {id: row.id}]->(y)
  WITH row, a, b, old, old IS NOT NULL AND x = a AND y = b AS same
  FOREACH (_ IN CASE WHEN same THEN [1] ELSE [] END | SET old = row.props)
  FOREACH (_ IN CASE WHEN old IS NOT NULL AND NOT same THEN [1] ELSE [] END | DELETE old)
  FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END | CREATE (a)-[r:LABELS]->(b) SET r = row.props)
  RETURN row.id AS r
}
RETURN count(r) AS n
