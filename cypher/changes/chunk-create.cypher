// The undo record of one write batch, written in the same transaction as the batch.
UNWIND $chunks AS chunk
CREATE (k:ChangeChunk)
SET k = chunk
RETURN count(k) AS n
