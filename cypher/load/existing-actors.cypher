// Which of these actor ids already exist: an import may point at actors loaded earlier.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN collect(a.id) AS ids
