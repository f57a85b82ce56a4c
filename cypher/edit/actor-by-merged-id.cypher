// The actor an id was merged into (merged ids stay on the survivor, so old links resolve); rare, so a scan.
MATCH (a:Actor)
WHERE $id IN a.mergedIds
RETURN a.id AS id
LIMIT 1
