// Actors whose folded name or aliases contain every token; exact matches first, then prefixes, then the
// shortest names. Two index-backed candidate sets, so a common word among 100k names is never ranked whole:
// every name or alias starting with the query (the only ones that can rank 0 or 1: searchText is the keys
// joined by ' | '), and up to $sample others containing every token, sought by $anchor (one token).
CALL () {
  MATCH (a:Actor)
  WHERE a.searchText STARTS WITH $q OR a.searchText CONTAINS $aliasPrefix
  RETURN a
  UNION
  MATCH (a:Actor)
  WHERE a.searchText CONTAINS $anchor AND all(t IN $tokens WHERE a.searchText CONTAINS t)
  WITH a LIMIT $sample
  RETURN a
}
WITH a
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
