-- Who sits in each seat of a confirmed order (issue 16, the seat-assigned mail): the current attendee's email, to
-- tell a new person (a mail) from a changed name (none), and the seat type, which SeatAssignmentUpdated does not
-- carry. A row goes when its seat is unassigned.
CREATE TABLE seat_attendees (
    seat_assignments_id  uuid NOT NULL,
    position             int NOT NULL,
    order_id             uuid NOT NULL,
    seat_type_id         uuid NOT NULL,
    email                text NOT NULL,
    PRIMARY KEY (seat_assignments_id, position)
);
