-- The order's access code, as registration's OrderPlaced carries it: a registrant proves access to an order's
-- totals and payments with it (Order-Access-Code header). Only its SHA-256 is kept, so this table never holds a code
-- that would open the order. Orders placed before this column existed have none and cannot be opened here.
ALTER TABLE order_totals ADD COLUMN access_code_sha256 bytea;
