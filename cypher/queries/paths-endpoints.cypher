// Which of the two path endpoints exist, so a 404 can name the missing one.
UNWIND [$from, $to] AS id
OPTIONAL MATCH (a:Actor {id: id})
RETURN id, a IS NOT NULL AS found
