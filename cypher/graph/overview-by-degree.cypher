// The $limit actors passing the actor filters with the most ties (all ties: a hub stays a hub whatever the
// tie filters), ties by id. COUNT {} on a single-hop typed pattern is read from the node's degree store.
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
WITH a, COUNT { (a)-[:FUNDS|PILOTS|PARTNERS_WITH|LABELS]-() } AS degree
ORDER BY degree DESC, a.id
LIMIT $limit
RETURN a.id AS id
