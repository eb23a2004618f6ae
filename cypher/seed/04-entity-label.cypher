// Every node of the article's graph gets the shared lookup label :Entity (indexed on `id` in
// cypher/schema.cypher), so the explorer finds a node by id with one index seek whatever its label.
// Idempotent: nodes that already carry it are left alone.
MATCH (n:Company|Chip|Product|Source|Country|Policy|Technology)
WHERE NOT n:Entity
SET n:Entity;
