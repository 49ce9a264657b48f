package dev.seatbooking.readmodel.orderseats;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.conference.ConferenceEvent;
import dev.seatbooking.contracts.conference.ConferenceEvent.SeatCreated;
import dev.seatbooking.contracts.conference.ConferenceEvent.SeatUpdated;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.PersonalInfo;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssigned;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssignmentUpdated;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatAssignmentsCreated;
import dev.seatbooking.contracts.registration.SeatAssignmentsEvent.SeatUnassigned;
import dev.seatbooking.contracts.registration.SeatPosition;
import dev.seatbooking.readmodel.access.OrderAccessCodes;
import dev.seatbooking.readmodel.projection.Projection;
import dev.seatbooking.readmodel.projection.ProjectionDescriptor;
import dev.seatbooking.readmodel.projection.StreamType;
import dev.seatbooking.readmodel.projection.Tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The seats of a confirmed order and who sits in each (the book's OrderSeats): one position per purchased
 * seat, its seat type's name, and the attendee assigned to it, if any.
 *
 * <p>Seat type names come from Conference Management's seat events, kept here in a table of their own and
 * joined at query time, so the projection answers on its own and shows a renamed seat type's new name. Of the
 * order streams it keeps only the hash of each order's access code ({@link OrderAccessCodes}, from OrderPlaced),
 * which guards reads of the order's seats; its other events only move the stream's version.
 */
public final class OrderSeatsProjection implements Projection {

    public static final String NAME = "order-seats";

    // 2: follows the order streams for order_access, the hash of each order's access code.
    private static final ProjectionDescriptor DESCRIPTOR = new ProjectionDescriptor(NAME, 2,
            Set.of(StreamType.SEAT_ASSIGNMENTS, StreamType.CONFERENCE, StreamType.ORDER), StreamType.SEAT_ASSIGNMENTS);

    @Override
    public ProjectionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<String> ddl() {
        return List.of("""
                CREATE TABLE {g}.seat_assignments (
                    seat_assignments_id uuid   PRIMARY KEY,
                    order_id            uuid   NOT NULL,
                    version             bigint NOT NULL)""",
                "CREATE INDEX ON {g}.seat_assignments (order_id)",
                """
                CREATE TABLE {g}.order_seats (
                    seat_assignments_id uuid NOT NULL,
                    position            int  NOT NULL,
                    seat_type_id        uuid NOT NULL,
                    attendee_first_name text,
                    attendee_last_name  text,
                    attendee_email      text,
                    PRIMARY KEY (seat_assignments_id, position))""",
                """
                CREATE TABLE {g}.seat_type_names (
                    seat_type_id  uuid PRIMARY KEY,
                    conference_id uuid NOT NULL,
                    name          text NOT NULL)""",
                OrderAccessCodes.DDL);
    }

    private static final String CREATE = """
            INSERT INTO {g}.seat_assignments (seat_assignments_id, order_id, version) VALUES (?, ?, ?)
            ON CONFLICT (seat_assignments_id) DO UPDATE SET order_id = EXCLUDED.order_id, version = EXCLUDED.version""";
    private static final String DELETE_SEATS = "DELETE FROM {g}.order_seats WHERE seat_assignments_id = ?";
    private static final String INSERT_SEAT = """
            INSERT INTO {g}.order_seats (seat_assignments_id, position, seat_type_id) VALUES (?, ?, ?)""";
    private static final String ATTENDEE = """
            UPDATE {g}.order_seats SET attendee_first_name = ?, attendee_last_name = ?, attendee_email = ?
            WHERE seat_assignments_id = ? AND position = ?""";
    private static final String VERSION = "UPDATE {g}.seat_assignments SET version = ? WHERE seat_assignments_id = ?";
    private static final String SEAT_TYPE_NAME = """
            INSERT INTO {g}.seat_type_names (seat_type_id, conference_id, name) VALUES (?, ?, ?)
            ON CONFLICT (seat_type_id) DO UPDATE SET name = EXCLUDED.name""";

    @Override
    public void apply(Envelope event, Tables tables) {
        switch (event.payload()) {
            case SeatAssignmentsEvent e -> apply(e, event.aggregateVersion(), tables);
            case ConferenceEvent e -> apply(e, tables);
            case OrderPlaced p -> OrderAccessCodes.placed(tables, p);
            default -> {
            }
        }
    }

    private static void apply(SeatAssignmentsEvent event, long version, Tables tables) {
        switch (event) {
            case SeatAssignmentsCreated c -> {
                tables.update(CREATE, c.seatAssignmentsId(), c.orderId(), version);
                tables.update(DELETE_SEATS, c.seatAssignmentsId());
                List<Object[]> rows = new ArrayList<>(c.seats().size());
                for (SeatPosition seat : c.seats()) {
                    rows.add(new Object[]{c.seatAssignmentsId(), seat.position(), seat.seatTypeId()});
                }
                tables.batchUpdate(INSERT_SEAT, rows);
            }
            case SeatAssigned a -> attendee(tables, a.seatAssignmentsId(), a.position(), a.attendee(), version);
            case SeatAssignmentUpdated u -> attendee(tables, u.seatAssignmentsId(), u.position(), u.attendee(), version);
            case SeatUnassigned u -> attendee(tables, u.seatAssignmentsId(), u.position(), null, version);
        }
    }

    private static void attendee(Tables tables, UUID seatAssignmentsId, int position, PersonalInfo attendee,
                                 long version) {
        tables.update(ATTENDEE, attendee == null ? null : attendee.firstName(),
                attendee == null ? null : attendee.lastName(), attendee == null ? null : attendee.email(),
                seatAssignmentsId, position);
        tables.update(VERSION, version, seatAssignmentsId);
    }

    private static void apply(ConferenceEvent event, Tables tables) {
        switch (event) {
            case SeatCreated s -> tables.update(SEAT_TYPE_NAME, s.seatTypeId(), s.conferenceId(), s.name());
            case SeatUpdated s -> tables.update(SEAT_TYPE_NAME, s.seatTypeId(), s.conferenceId(), s.name());
            default -> {
                // the conference's own details are not shown here
            }
        }
    }
}
