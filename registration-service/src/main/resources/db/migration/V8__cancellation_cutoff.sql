-- What a registrant's cancellation is checked against (issue 16): the conference's first day and the owner's cut-off
-- (ConferenceCreated/Updated.startDate, .cancellationCutoffDays). V8, not V7: other changes of the same session may
-- take V7. NULL start_date: the conference was last announced before this column existed, so its start is not known
-- here until its next announcement, and a registrant's cancellation is refused until then (the owner's is not
-- checked against it). A NULL cut-off with a known start is CancellationCutoff.DEFAULT (its one home).
ALTER TABLE conferences
    ADD COLUMN start_date date,
    ADD COLUMN cancellation_cutoff_days int CONSTRAINT a_cutoff_is_not_negative CHECK (cancellation_cutoff_days >= 0);
