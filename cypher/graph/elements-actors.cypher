// One page of the actors passing the filters, in id order after $after (keyset paging on the id index).
MATCH (a:Actor)
WHERE a.id > $after
  AND ($kinds IS NULL OR a.kind IN $kinds)
  AND (NOT $hideIsolated OR EXISTS {
    MATCH (a)-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]-(b:Actor)
    WHERE type(r) IN $types
      AND ($statuses IS NULL OR coalesce(r.status, 'effective') IN $statuses)
      AND ($before IS NULL OR r.date IS NULL OR r.date < $before)
      AND (type(r) <> 'FUNDS' OR ($amountMin IS NULL AND $amountMax IS NULL)
        OR (r.amount >= coalesce($amountMin, r.amount) AND r.amount <= coalesce($amountMax, r.amount)))
      AND ($kinds IS NULL OR b.kind IN $kinds)
  })
RETURN a.id AS id, a.name AS name, a.kind AS kind
ORDER BY a.id
LIMIT $size
