// One change set, with its progress (elements written so far, from its chunks).
MATCH (c:ChangeSet {id: $id})
CALL (c) {
  OPTIONAL MATCH (k:ChangeChunk {cs: c.id})
  RETURN coalesce(sum(k.n), 0) AS done, coalesce(sum(CASE WHEN k.undone THEN k.n ELSE 0 END), 0) AS undone
}
RETURN properties(c) AS cs, done, undone
