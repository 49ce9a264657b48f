-- The reservation hold's default has one home (shared-contracts' ReservationHold; events always carry a hold). A row
-- made before its conference's ConferenceCreated (by a seat type or publication seen first) has no hold until
-- ConferenceCreated gives it one together with the slug, and nothing reads a conference without a slug.
ALTER TABLE conferences
    ALTER COLUMN reservation_hold_ms DROP DEFAULT,
    ALTER COLUMN reservation_hold_ms DROP NOT NULL,
    ADD CONSTRAINT a_known_conference_has_a_hold CHECK (slug IS NULL OR reservation_hold_ms IS NOT NULL);
