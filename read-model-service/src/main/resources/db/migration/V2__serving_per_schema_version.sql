-- Several instances of the read model share one database (ADR 13). During a rolling deploy instances of two versions
-- of a projection run side by side, each answering from the generation built for its schema version: so at most one
-- generation serves per projection AND schema version (was: per projection). At most one is built at a time per
-- projection, as before: that index is also what keeps two instances from starting two rebuilds.
DROP INDEX projection_generations_one_serving;
CREATE UNIQUE INDEX projection_generations_one_serving
    ON projection_generations (projection, schema_version) WHERE status = 'serving';

-- Every instance feeding a generation joins this Kafka consumer group, which shares the partitions among them (the
-- offsets stay in the generation's own tables). Unique per generation ever created, so a group left over by a
-- dropped database or another deployment on the same broker is never joined.
ALTER TABLE projection_generations ADD COLUMN consumer_group text;
UPDATE projection_generations
SET consumer_group = 'readmodel.' || projection || '.g' || generation || '.' || substr(md5(random()::text), 1, 8);
ALTER TABLE projection_generations ALTER COLUMN consumer_group SET NOT NULL;
