// Rejections sent without anything accepted: remembered for this text, the graph untouched.
MATCH (e:Extraction {id: $id})
SET e.rejected = [x IN coalesce(e.rejected, []) WHERE NOT x IN $rejected] + $rejected
RETURN e.id AS id
