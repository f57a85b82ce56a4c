// Bench only (bench/large-graph.ts): the one document every generated tie cites.
MERGE (s:Source {id: $id})
SET s.title = $title, s.language = 'en'
