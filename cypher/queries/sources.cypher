// Every source document, oldest first.
MATCH (s:Source)
RETURN properties(s) AS source
ORDER BY s.date, s.id
