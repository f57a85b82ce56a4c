// Every actor's names and kind: what duplicate detection compares (blocking happens in the server, not in Cypher).
MATCH (a:Actor)
RETURN a.id AS id, a.name AS name, coalesce(a.aliases, []) AS aliases, a.kind AS kind
