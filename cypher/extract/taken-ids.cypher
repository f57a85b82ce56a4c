// Which of these actor and source ids are taken (new ids are made unique against them).
OPTIONAL MATCH (a:Actor) WHERE a.id IN $actorIds
WITH collect(a.id) AS actors
OPTIONAL MATCH (s:Source) WHERE s.id IN $sourceIds
RETURN actors, collect(s.id) AS sources
