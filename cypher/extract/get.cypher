// An extraction by id: its text, the user's metadata, the candidates proposed, rejections and acceptance.
MATCH (e:Extraction {id: $id})
RETURN e.id AS id, e.hash AS hash, e.text AS text, e.source AS source, e.result AS result, e.createdAt AS createdAt,
       e.rejected AS rejected, e.changeSet AS changeSet, e.acceptedAt AS acceptedAt, e.sourceId AS sourceId
