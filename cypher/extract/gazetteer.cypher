// The actors the extractor looks for in an article: names and aliases, with their kind.
MATCH (a:Actor)
RETURN a.id AS id, a.name AS name, coalesce(a.aliases, []) AS aliases, a.kind AS kind
