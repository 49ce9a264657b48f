-- The waitlist offer's hold per conference (ConferenceCreated/Updated.offerHold, issue 15). NULL: the conference was
-- last announced before the setting existed, so its offers are held OfferHold.DEFAULT (the default's one home, in
-- shared-contracts, as for the reservation hold since V3); every announcement from now on carries a hold.
ALTER TABLE conferences
    ADD COLUMN offer_hold_ms bigint CONSTRAINT an_offer_hold_is_positive CHECK (offer_hold_ms > 0);
