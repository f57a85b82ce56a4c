// Every actor's id and element id, streamed once after an import has written its actors: its ties then find
// their ends by element id (changes/rel-create-at.cypher), each checked against the actor's id.
MATCH (a:Actor)
RETURN a.id AS id, elementId(a) AS node
