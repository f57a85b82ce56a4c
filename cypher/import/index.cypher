// What an import resolves names against: every actor's id and search keys, every source's id, title and
// URL, with their content hashes (unchanged elements are not written again).
CALL () {
  MATCH (a:Actor) RETURN 'actor' AS entity, a.id AS id, a.searchKeys AS keys, a._h AS h
  UNION ALL
  MATCH (s:Source) RETURN 'source' AS entity, s.id AS id, [s.title, s.url] AS keys, s._h AS h
}
RETURN entity, id, keys, h
