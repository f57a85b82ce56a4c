// One actor by id, without its ties: whether it exists, and the start of a neighbourhood or funding view.
MATCH (a:Actor {id: $id})
RETURN properties(a) AS actor
