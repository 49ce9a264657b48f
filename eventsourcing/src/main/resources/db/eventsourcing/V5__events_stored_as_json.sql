-- Payloads and metadata are kept as the JSON text the serializer wrote (json), no longer as jsonb (issue 18).
-- Nothing in the code queries inside them, and jsonb was paid for on both paths: parsed into its binary form on
-- every append, turned back into text on every read (about 2 µs per event; benchmarks/README.md). json still
-- validates what is stored and lets an operator query ad hoc (->, ->>, or a cast to jsonb).
-- Every existing row converts (jsonb text is valid JSON), so streams written before this load as they did.
-- The ALTER rewrites both tables under an exclusive lock: a start-up of a service with a large event table
-- takes as long as that rewrite (docs/adr/0019).
ALTER TABLE events
    ALTER COLUMN payload TYPE json USING payload::json,
    ALTER COLUMN metadata TYPE json USING metadata::json;

ALTER TABLE snapshots
    ALTER COLUMN payload TYPE json USING payload::json;
