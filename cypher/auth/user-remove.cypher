// Removes an account and its sessions; the history keeps its name as the author of past changes.
MATCH (u:User {name: $name})
OPTIONAL MATCH (s:Session {user: u.name})
DELETE s
WITH DISTINCT u
DELETE u
RETURN count(*) AS removed
