-- Until how many whole days before the start a registrant may cancel their own confirmed order (issue 16), as the
-- owner chose. V7, not V6: other changes of the same session may take V6. Conferences that exist get the default
-- (CancellationCutoff.DEFAULT, 7 days: cancelling did not exist before, so no registrant was told otherwise). New rows
-- always get the cut-off from the entity, so the column has no default (the default's home is CancellationCutoff).
ALTER TABLE conferences ADD COLUMN cancellation_cutoff_days int;
UPDATE conferences SET cancellation_cutoff_days = 7;
ALTER TABLE conferences
    ALTER COLUMN cancellation_cutoff_days SET NOT NULL,
    ADD CONSTRAINT conferences_cancellation_cutoff CHECK (cancellation_cutoff_days BETWEEN 0 AND 365);

-- A confirmed order may be cancelled (registration's OrderCancelled): the owners' list shows it, and its seats no
-- longer count as sold (sold = lines of CONFIRMED orders).
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check
    CHECK (status IN ('PENDING', 'CONFIRMED', 'EXPIRED', 'CANCELLED'));
