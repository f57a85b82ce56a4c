// The history: change sets newest first, filtered by ids (an actor's), author, kind and creation time, with
// what each did (its Change records, those about $actor when set, at most $perSet).
MATCH (c:ChangeSet)
WHERE ($ids IS NULL OR c.id IN $ids)
  AND ($user IS NULL OR c.author = $user)
  AND ($kind IS NULL OR c.kind = $kind)
  AND ($from IS NULL OR c.createdAt >= $from)
  AND ($to IS NULL OR c.createdAt <= $to)
  AND ($before IS NULL OR c.id < $before)
  AND c.state <> 'previewed'
WITH c ORDER BY c.id DESC LIMIT $limit
CALL (c) {
  OPTIONAL MATCH (x:Change {cs: c.id})
  WHERE $actor IS NULL OR x.key = $actor OR x.from = $actor OR x.to = $actor
  WITH x ORDER BY x.seq, x.entity, x.key
  RETURN collect(properties(x)) AS changes
}
CALL (c) {
  OPTIONAL MATCH (k:ChangeChunk {cs: c.id})
  RETURN coalesce(sum(k.n), 0) AS done, coalesce(sum(CASE WHEN k.undone THEN k.n ELSE 0 END), 0) AS undone
}
RETURN properties(c) AS cs, changes[0..$perSet] AS changes, size(changes) > $perSet AS more, done, undone
ORDER BY c.id DESC
