-- Late and second payments have one story (issue 13): Payments, which holds the money, records that it must go back
-- (KnownOrder's "refund due"); registration only leaves such a payment unapplied. This table was written but never
-- read, and its refunded_at never set.
DROP TABLE payment_refunds;
