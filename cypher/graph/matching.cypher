// How many actors and ties pass the filters (see GraphFilters in model/schema.ts for their meaning).
// The tie predicate is the same in every cypher/graph/*.cypher file that filters ties.
CALL () {
  MATCH (a:Actor)
  WHERE ($kinds IS NULL OR a.kind IN $kinds)
    AND (NOT $hideIsolated OR EXISTS {
      MATCH (a)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]-(b:Actor)
      WHERE type(r) IN $types
        AND ($statuses IS NULL OR coalesce(r.status, 'effective') IN $statuses)
        AND ($before IS NULL OR r.date IS NULL OR r.date < $before)
        AND (type(r) <> 'FUNDS' OR ($amountMin IS NULL AND $amountMax IS NULL)
          OR (r.amount >= coalesce($amountMin, r.amount) AND r.amount <= coalesce($amountMax, r.amount)))
        AND ($kinds IS NULL OR b.kind IN $kinds)
    })
  RETURN count(a) AS actors
}
CALL () {
  MATCH (a:Actor)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->(b:Actor)
  WHERE type(r) IN $types
    AND ($statuses IS NULL OR coalesce(r.status, 'effective') IN $statuses)
    AND ($before IS NULL OR r.date IS NULL OR r.date < $before)
    AND (type(r) <> 'FUNDS' OR ($amountMin IS NULL AND $amountMax IS NULL)
      OR (r.amount >= coalesce($amountMin, r.amount) AND r.amount <= coalesce($amountMax, r.amount)))
    AND ($kinds IS NULL OR (a.kind IN $kinds AND b.kind IN $kinds))
  RETURN count(r) AS relationships
}
RETURN actors, relationships
