// What change sets did to one element (by key: an actor, source or relationship id), newest first.
MATCH (x:Change {key: $key})
OPTIONAL MATCH (c:ChangeSet {id: x.cs})
RETURN properties(x) AS change, c.kind AS kind, c.state AS state, c.author AS author
ORDER BY x.cs DESC, x.seq DESC
LIMIT $limit
