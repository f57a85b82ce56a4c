// One Extraction per text (its sha-256): a text sent again finds the first one, its rejections and acceptance.
MERGE (e:Extraction {hash: $hash})
ON CREATE SET e.id = $id, e.text = $text, e.createdAt = $now, e.rejected = [], e.new = true
ON MATCH SET e.new = false
SET e.source = $source, e.result = $result, e.updatedAt = $now
WITH e, e.new AS created
REMOVE e.new
RETURN e.id AS id, e.createdAt AS createdAt, NOT created AS reused, e.rejected AS rejected,
       e.changeSet AS changeSet, e.acceptedAt AS acceptedAt, e.sourceId AS sourceId
