// Actors whose folded name or aliases contain every token; exact matches first, then prefixes, then the
// shortest names. Two index-backed candidate sets, so a common word among 100k names is never ranked whole:
// up to $sample names or aliases equal to or starting with the query, exact ones first (one Lucene query on
// the keyword index of searchKeys, $lucene: "q^10 OR q*", null for an empty query), the only ones that can rank
// 0 or 1; then, when these are fewer than $limit, up to $sample others containing every token, sought by
// $anchor (one token) in the text index of searchText (the keys joined by ' | ').
CALL () {
  UNWIND CASE WHEN $lucene IS NULL THEN [] ELSE [$lucene] END AS lucene
  CALL db.index.fulltext.queryNodes('actor_keys', lucene, {limit: $sample}) YIELD node
  RETURN collect(node) AS starting
}
CALL (starting) {
  WITH starting WHERE size(starting) < $limit
  MATCH (a:Actor)
  WHERE a.searchText CONTAINS $anchor AND all(t IN $tokens WHERE a.searchText CONTAINS t)
  WITH a LIMIT $sample
  RETURN collect(a) AS containing
}
UNWIND starting + containing AS a
WITH DISTINCT a
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
