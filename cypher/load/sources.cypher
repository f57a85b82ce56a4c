// Upserts source documents by id; SET = replaces their properties with the file's (idempotent).
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s = row
RETURN count(s) AS n
