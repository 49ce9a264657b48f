-- How long seats offered to a waitlist entry are held for it (issue 15), in whole hours, as the owner chose. The
-- conferences that exist already had the one hold there was until now, OfferHold.DEFAULT (24 hours): they keep it.
-- New rows always get the hold from the entity, so the column has no default (the default's home is OfferHold).
ALTER TABLE conferences ADD COLUMN offer_hold_hours int;
UPDATE conferences SET offer_hold_hours = 24;
ALTER TABLE conferences
    ALTER COLUMN offer_hold_hours SET NOT NULL,
    ADD CONSTRAINT conferences_offer_hold CHECK (offer_hold_hours > 0);
