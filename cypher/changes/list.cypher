// Change sets, newest first (ids are time-ordered), optionally of some kinds or states, before a cursor id.
MATCH (c:ChangeSet)
WHERE ($kinds IS NULL OR c.kind IN $kinds)
  AND ($states IS NULL OR c.state IN $states)
  AND ($before IS NULL OR c.id < $before)
WITH c ORDER BY c.id DESC LIMIT $limit
CALL (c) {
  OPTIONAL MATCH (k:ChangeChunk {cs: c.id})
  RETURN coalesce(sum(k.n), 0) AS done, coalesce(sum(CASE WHEN k.undone THEN k.n ELSE 0 END), 0) AS undone
}
RETURN properties(c) AS cs, done, undone
ORDER BY c.id DESC
