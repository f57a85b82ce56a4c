// The ties passing the filters between actors of $ids (the overview's edges), without their evidence.
UNWIND $ids AS id
MATCH (a:Actor {id: id})-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->(b:Actor)
WHERE b.id IN $ids
  AND type(r) IN $types
  AND ($statuses IS NULL OR coalesce(r.status, 'effective') IN $statuses)
  AND ($before IS NULL OR r.date IS NULL OR r.date < $before)
  AND (type(r) <> 'FUNDS' OR ($amountMin IS NULL AND $amountMax IS NULL)
    OR (r.amount >= coalesce($amountMin, r.amount) AND r.amount <= coalesce($amountMax, r.amount)))
  AND ($kinds IS NULL OR (a.kind IN $kinds AND b.kind IN $kinds))
RETURN type(r) AS type, a.id AS source, b.id AS target, r {.id, .amount, .date, .status, .role, .note} AS props
ORDER BY r.id, type
