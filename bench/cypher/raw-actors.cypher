// Raw baseline: actors created in one batch, nothing else (no change set, no undo record, no hash).
UNWIND $rows AS row
CREATE (a:Actor)
SET a = row
RETURN count(a) AS n
