// How many accounts exist (with none, the server on loopback is the single local user's tool), and admins among them.
MATCH (u:User)
RETURN count(u) AS users, count(CASE WHEN u.role = 'admin' THEN 1 END) AS admins
