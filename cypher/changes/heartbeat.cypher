// The process working on a change set says it is alive (recovery leaves live ones alone).
MATCH (c:ChangeSet {id: $id})
WHERE c.state IN ['running', 'failed', 'undoing']
SET c.heartbeatAt = $now, c.pid = $pid, c.host = $host
RETURN c.state AS state
