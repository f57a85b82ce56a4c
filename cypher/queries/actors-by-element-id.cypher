// Actors by element id: the far ends of relationships a console query returned without their nodes.
MATCH (a:Actor)
WHERE elementId(a) IN $ids
RETURN elementId(a) AS elementId, properties(a) AS props
