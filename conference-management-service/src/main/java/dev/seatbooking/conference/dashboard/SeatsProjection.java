package dev.seatbooking.conference.dashboard;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.AvailableSeatsChanged;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReservationCancelled;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReservationCommitted;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReserved;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SoldSeatsReturned;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistJoined;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistLeft;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferAccepted;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferLapsed;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.WaitlistOfferMade;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the dashboard's seats per seat type (issue 17, ADR 18) from registration's SeatsAvailability stream, the one
 * place that decides them: seats on sale and owed (the sums of the events' signed deltas), and the seats each holder
 * took off sale — a reservation HELD from SeatsReserved (or an accepted waitlist offer) until SeatsReservationCommitted
 * makes it SOLD or SeatsReservationCancelled gives it back; SOLD until SoldSeatsReturned (a cancelled order); a waitlist
 * entry's open offer OFFERED until it is accepted, declined or lapses. The rules are the aggregate's
 * ({@code SeatsAvailability.apply}); the reservation id is the order id.
 * <p>
 * Runs in the consumer's inbox transaction, like the other projections. Deltas are not idempotent, so every event
 * applies only if its version in the conference's stream is newer than the last one applied: a redelivered or
 * republished event, or an older one, changes nothing. One stream per conference, on one partition, in order: the
 * version guard is per conference.
 */
@Component
public class SeatsProjection {

    private final JdbcTemplate jdbc;

    public SeatsProjection(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void handle(Envelope envelope, SeatsAvailabilityEvent event) {
        if (!advance(event.conferenceId(), envelope.aggregateVersion())) return;
        UUID conference = event.conferenceId();
        switch (event) {
            case SeatsReserved e -> {
                hold(conference, e.reservationId(), e.reservationDetails());
                change(conference, e.availableSeatsChanged(), e.seatsOwedChanged());
            }
            case SeatsReservationCancelled e -> {
                jdbc.update("DELETE FROM dashboard_seat_holds WHERE holder_id = ? AND state = 'HELD'",
                        e.reservationId());
                change(conference, e.availableSeatsChanged(), e.seatsOwedChanged());
            }
            case SeatsReservationCommitted e -> jdbc.update("""
                    UPDATE dashboard_seat_holds SET state = 'SOLD' WHERE holder_id = ? AND state = 'HELD'""",
                    e.reservationId());
            case SoldSeatsReturned e -> {
                // Also a reservation still pending here (its commit lost) ends: registration returns it the same way.
                for (SeatQuantity seat : e.seats()) {
                    jdbc.update("""
                            UPDATE dashboard_seat_holds SET quantity = quantity - ?
                            WHERE holder_id = ? AND seat_type_id = ? AND state IN ('HELD', 'SOLD')""",
                            seat.quantity(), e.orderId(), seat.seatTypeId());
                }
                jdbc.update("DELETE FROM dashboard_seat_holds WHERE holder_id = ? AND quantity <= 0", e.orderId());
                change(conference, e.availableSeatsChanged(), e.seatsOwedChanged());
            }
            case AvailableSeatsChanged e -> change(conference, e.seats(), e.seatsOwedChanged());
            case WaitlistOfferMade e -> {
                // The offer carries all the seats offered to the entry so far, not a delta.
                jdbc.update("""
                        INSERT INTO dashboard_seat_holds (holder_id, seat_type_id, conference_id, quantity, state)
                        VALUES (?, ?, ?, ?, 'OFFERED')
                        ON CONFLICT (holder_id, seat_type_id) DO UPDATE SET quantity = EXCLUDED.quantity""",
                        e.entryId(), e.offered().seatTypeId(), conference, e.offered().quantity());
                change(conference, e.availableSeatsChanged(), List.of());
            }
            case WaitlistLeft e -> {
                release(e.entryId());
                change(conference, e.availableSeatsChanged(), e.seatsOwedChanged());
            }
            case WaitlistOfferLapsed e -> {
                release(e.entryId());
                change(conference, e.availableSeatsChanged(), e.seatsOwedChanged());
            }
            case WaitlistOfferAccepted e -> {
                // The offered seats become the order's pending reservation; the seats on sale do not change.
                release(e.entryId());
                hold(conference, e.orderId(), e.reservationDetails());
            }
            case WaitlistJoined e -> {
                // Wanting seats takes none: the waitlist view counts the entries.
            }
        }
    }

    /** Records {@code version} as the conference's last applied; false if it is not newer (nothing to apply). */
    private boolean advance(UUID conferenceId, long version) {
        return jdbc.update("""
                INSERT INTO dashboard_seat_streams (conference_id, stream_version) VALUES (?, ?)
                ON CONFLICT (conference_id) DO UPDATE SET stream_version = EXCLUDED.stream_version
                    WHERE dashboard_seat_streams.stream_version < EXCLUDED.stream_version""",
                conferenceId, version) == 1;
    }

    /** The reservation now holds exactly {@code seats} (SeatsReserved carries all of them, not a delta). */
    private void hold(UUID conferenceId, UUID reservationId, List<SeatQuantity> seats) {
        jdbc.update("DELETE FROM dashboard_seat_holds WHERE holder_id = ? AND state = 'HELD'", reservationId);
        for (SeatQuantity seat : seats) {
            if (seat.quantity() <= 0) continue;
            jdbc.update("""
                    INSERT INTO dashboard_seat_holds (holder_id, seat_type_id, conference_id, quantity, state)
                    VALUES (?, ?, ?, ?, 'HELD')""", reservationId, seat.seatTypeId(), conferenceId, seat.quantity());
        }
    }

    private void release(UUID entryId) {
        jdbc.update("DELETE FROM dashboard_seat_holds WHERE holder_id = ? AND state = 'OFFERED'", entryId);
    }

    private void change(UUID conferenceId, List<SeatQuantity> available, List<SeatQuantity> owed) {
        available.forEach(seat -> add(conferenceId, seat, seat.quantity(), 0));
        owed.forEach(seat -> add(conferenceId, seat, 0, seat.quantity()));
    }

    private void add(UUID conferenceId, SeatQuantity seat, int available, int owed) {
        jdbc.update("""
                INSERT INTO dashboard_seat_availability (conference_id, seat_type_id, available, owed)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (conference_id, seat_type_id) DO UPDATE
                    SET available = dashboard_seat_availability.available + EXCLUDED.available,
                        owed = dashboard_seat_availability.owed + EXCLUDED.owed""",
                conferenceId, seat.seatTypeId(), available, owed);
    }
}
