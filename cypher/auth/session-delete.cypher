// Signs out one session; expired sessions of anyone are swept at the same time.
OPTIONAL MATCH (s:Session)
WHERE s.id = $id OR s.expiresAt <= $now
DELETE s
RETURN count(s) AS deleted
