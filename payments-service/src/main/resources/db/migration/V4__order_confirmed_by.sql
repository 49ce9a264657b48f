-- The payment registration confirmed the order with (OrderConfirmed.paymentId): the order's payment. Payments keeps
-- it and marks every other completed payment of the order refund due. Null while the order is not confirmed, for a
-- free order, and for orders confirmed before OrderConfirmed named its payment.
ALTER TABLE order_totals ADD COLUMN confirmed_by uuid;
