// Upserts actors by id; SET = makes the stored actor exactly what the file says (idempotent).
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a = row
RETURN count(a) AS n
