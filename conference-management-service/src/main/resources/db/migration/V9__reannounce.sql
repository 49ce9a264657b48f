-- Registration keeps a conference's start date and cancellation cut-off only from the announcements it consumed
-- after its own V8 (issue 16, ADR 17): a conference last announced before that has no start date there, and its
-- registrants cannot cancel. Every conference that exists now is marked to be announced once more
-- (ConferenceUpdated with its full current state): ConferenceReannouncement does it at start-up and clears the mark
-- in the same transaction. Conferences created from now on are announced with both already, so they get false.
-- Every conference, published or not: an unpublished one may have been published before (orders to cancel), and a
-- never-published one gets no ConferenceUpdated when it is published later.
ALTER TABLE conferences ADD COLUMN reannounce boolean NOT NULL DEFAULT false;
UPDATE conferences SET reannounce = true;
CREATE INDEX conferences_to_reannounce ON conferences (id) WHERE reannounce;
