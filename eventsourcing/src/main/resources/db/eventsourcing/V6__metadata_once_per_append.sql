-- An append's metadata (who asked, correlation, causation) is the same for every event it writes: it is stored on
-- the append's first event only, and the others carry NULL, meaning "the metadata of the event before me in my
-- stream". A replay sends and decodes it once per append instead of once per event, and a many-event append writes
-- it once (issue 18; docs/adr/0020). Every existing row keeps its metadata and reads as before. A stream's first
-- event always starts an append, so it always has metadata.
ALTER TABLE events
    ALTER COLUMN metadata DROP NOT NULL,
    ADD CONSTRAINT events_first_event_has_metadata CHECK (version > 1 OR metadata IS NOT NULL);
