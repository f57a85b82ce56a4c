// The ties passing the filters between actors of $ids (the overview's edges), without their evidence.
// Each tie is read from one end only: the sources' outgoing ties or the targets' incoming ones, whichever
// the whole set has fewer of (degrees come from the store). Central actors fund thousands and are funded by
// a few: from the 300 top hubs of a 1M-tie graph that is 3,000 ties read instead of 145,000.
// The far end has no label, so no plan seeks it by index and expands every tie of the set from it (2M rows).
UNWIND $ids AS id
MATCH (x:Actor {id: id})
WITH collect(x) AS xs,
  sum(COUNT { (x)-[:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->() }) AS outs,
  sum(COUNT { (x)<-[:FUNDS|PILOTS|PARTNERS_WITH|LABELS]-() }) AS ins
CALL (xs, outs, ins) {
  UNWIND CASE WHEN outs <= ins THEN xs ELSE [] END AS a
  MATCH (a)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->(b)
  WHERE b.id IN $ids
  RETURN a, r, b
  UNION ALL
  UNWIND CASE WHEN outs > ins THEN xs ELSE [] END AS b
  MATCH (a)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->(b)
  WHERE a.id IN $ids
  RETURN a, r, b
}
WITH a, r, b
WHERE type(r) IN $types
  AND ($statuses IS NULL OR coalesce(r.status, 'effective') IN $statuses)
  AND ($before IS NULL OR r.date IS NULL OR r.date < $before)
  AND (type(r) <> 'FUNDS' OR ($amountMin IS NULL AND $amountMax IS NULL)
    OR (r.amount >= coalesce($amountMin, r.amount) AND r.amount <= coalesce($amountMax, r.amount)))
  AND ($kinds IS NULL OR (a.kind IN $kinds AND b.kind IN $kinds))
RETURN type(r) AS type, a.id AS source, b.id AS target, r {.id, .amount, .date, .status, .role, .note} AS props
ORDER BY r.id, type
