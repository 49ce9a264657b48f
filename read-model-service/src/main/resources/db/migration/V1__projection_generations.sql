-- The read side's own bookkeeping. The read tables themselves are not here: each projection creates them from
-- its DDL in code, in one schema per generation (rm_<projection>_g<n>), when the generation is built; a schema
-- change is applied by building a new generation from the topics, never by migrating read tables in place.

-- Every generation of every projection; at most one serves queries and at most one is being built.
CREATE TABLE projection_generations (
    projection     text        NOT NULL,
    generation     int         NOT NULL,
    schema_version int         NOT NULL,
    status         text        NOT NULL CHECK (status IN ('building', 'serving', 'retired', 'dropped')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    serving_since  timestamptz,
    retired_at     timestamptz,
    PRIMARY KEY (projection, generation)
);
CREATE UNIQUE INDEX projection_generations_one_serving ON projection_generations (projection) WHERE status = 'serving';
CREATE UNIQUE INDEX projection_generations_one_building ON projection_generations (projection) WHERE status = 'building';

-- A rebuild replays each partition from its beginning up to the end offset it had when the rebuild started
-- (then catches up with what came since, and takes over). Kept so a rebuild resumes after a restart.
CREATE TABLE projection_rebuild_targets (
    projection       text   NOT NULL,
    generation       int    NOT NULL,
    topic            text   NOT NULL,
    partition        int    NOT NULL,
    beginning_offset bigint NOT NULL,
    end_offset       bigint NOT NULL,
    PRIMARY KEY (projection, generation, topic, partition),
    FOREIGN KEY (projection, generation) REFERENCES projection_generations (projection, generation)
);
