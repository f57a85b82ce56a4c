// Every actor, source and relationship id (with the relationship's type): what `load --replace` compares.
CALL () {
  MATCH (a:Actor) RETURN 'actor' AS entity, a.id AS id, null AS type
  UNION ALL
  MATCH (s:Source) RETURN 'source' AS entity, s.id AS id, null AS type
  UNION ALL
  MATCH ()-[r:FUNDS|PILOTS|PARTNERS_WITH|LABELS]->() RETURN 'relationship' AS entity, r.id AS id, type(r) AS type
}
RETURN entity, id, type
