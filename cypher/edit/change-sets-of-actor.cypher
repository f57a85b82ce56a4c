// Change sets that touched an actor or one of its ties (index seeks on the Change keys and tie ends), newest first.
CALL () {
  MATCH (x:Change {key: $actor}) RETURN x.cs AS cs
  UNION
  MATCH (x:Change {from: $actor}) RETURN x.cs AS cs
  UNION
  MATCH (x:Change {to: $actor}) RETURN x.cs AS cs
}
RETURN cs ORDER BY cs DESC LIMIT $limit
