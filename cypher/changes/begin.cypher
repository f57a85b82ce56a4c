// Records a new change set (state previewed or running); its id is time-ordered and unique.
CREATE (c:ChangeSet)
SET c = $props
RETURN c.id AS id
