// Actors whose folded name or aliases contain every token; exact matches first, then prefixes.
MATCH (a:Actor)
WHERE all(t IN $tokens WHERE a.searchText CONTAINS t)
WITH a,
  CASE
    WHEN $q IN a.searchKeys THEN 0
    WHEN any(k IN a.searchKeys WHERE k STARTS WITH $q) THEN 1
    ELSE 2
  END AS rank
RETURN properties(a) AS actor
ORDER BY rank, size(a.name), a.name
LIMIT $limit
