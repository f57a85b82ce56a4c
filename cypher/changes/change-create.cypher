// One Change per element of a small change set, so an element's history is an index seek on its key.
UNWIND $changes AS change
CREATE (x:Change)
SET x = change
RETURN count(x) AS n
