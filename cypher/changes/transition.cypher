// Moves a change set from one of the expected states to the next, setting what the new state records.
MATCH (c:ChangeSet {id: $id})
WHERE c.state IN $from
SET c += $set
RETURN c.state AS state
