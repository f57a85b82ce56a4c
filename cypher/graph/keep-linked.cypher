// Which of $ids have at least one tie passing the filters to an actor passing them (hideIsolated).
UNWIND $ids AS id
MATCH (a:Actor {id: id})
WHERE EXISTS {
  MATCH (a)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]-(b:Actor)
  WHERE type(r) IN $types
    AND ($statuses IS NULL OR coalesce(r.status, 'effective') IN $statuses)
    AND ($before IS NULL OR r.date IS NULL OR r.date < $before)
    AND (type(r) <> 'FUNDS' OR ($amountMin IS NULL AND $amountMax IS NULL)
      OR (r.amount >= coalesce($amountMin, r.amount) AND r.amount <= coalesce($amountMax, r.amount)))
    AND ($kinds IS NULL OR b.kind IN $kinds)
}
RETURN collect(a.id) AS ids
