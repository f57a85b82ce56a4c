// The undo records of a change set not yet undone, newest batch first.
MATCH (k:ChangeChunk {cs: $cs})
WHERE NOT coalesce(k.undone, false)
RETURN properties(k) AS chunk
ORDER BY k.seq DESC
