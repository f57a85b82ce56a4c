// Deletes actors by id. An actor that still has relationships makes the transaction fail: a change set
// deletes them explicitly first (so that undo restores them).
UNWIND $ids AS id
MATCH (a:Actor {id: id})
DELETE a
RETURN count(*) AS n
