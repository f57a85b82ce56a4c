// After the change set committed: the rejected candidates (never proposed again for this text) and the acceptance.
MATCH (e:Extraction {id: $id})
SET e.rejected = [x IN coalesce(e.rejected, []) WHERE NOT x IN $rejected] + $rejected,
    e.changeSet = $changeSet, e.acceptedAt = $now, e.sourceId = $sourceId
RETURN e.id AS id
