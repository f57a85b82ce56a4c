// Deletes source documents by id.
UNWIND $ids AS id
MATCH (s:Source {id: id})
DELETE s
RETURN count(*) AS n
