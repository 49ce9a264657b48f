-- An append's metadata (correlation id, causation id, who asked) is kept in three columns instead of one json text
-- (issue 18; docs/adr/0023). A replay is bound by what PostgreSQL spends per byte it sends, and the json spelled
-- out two UUIDs and three keys in about 115 bytes of text; two uuid columns go out as 16 bytes each, and the reader
-- decodes no JSON. V6's rule is unchanged: the append's first event carries the metadata, its others have
-- correlation_id NULL, meaning "as the event before me in my stream". An operator follows a conversation with
-- WHERE correlation_id = '...' (no index: an ad hoc query, as the json's ->> was).
--
-- Every existing row converts: EventMetadata always wrote a correlationId, a JSON null reads as SQL NULL. The
-- UPDATE fills the two new columns, then the type change turns metadata into correlation_id and rewrites the table
-- without the json, so an upgraded table is as compact as a new one (one exclusive lock, as V5's: docs/adr/0019).
ALTER TABLE events
    ADD COLUMN causation_id uuid,
    ADD COLUMN requested_by text;

UPDATE events
SET causation_id = (metadata ->> 'causationId')::uuid,
    requested_by = metadata ->> 'user'
WHERE metadata IS NOT NULL;

ALTER TABLE events
    DROP CONSTRAINT events_first_event_has_metadata,
    ALTER COLUMN metadata TYPE uuid USING (metadata ->> 'correlationId')::uuid;

ALTER TABLE events RENAME COLUMN metadata TO correlation_id;

ALTER TABLE events
    ADD CONSTRAINT events_first_event_has_metadata CHECK (version > 1 OR correlation_id IS NOT NULL);
