// Marks the chunks of one batch undone, in the transaction that undid them (so an interrupted undo resumes).
MATCH (k:ChangeChunk {cs: $cs, seq: $seq})
SET k.undone = true
RETURN count(k) AS n
