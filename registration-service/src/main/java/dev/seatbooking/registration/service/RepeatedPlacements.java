package dev.seatbooking.registration.service;

import dev.seatbooking.contracts.registration.OrderCommand.RegisterToConference;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderTotalsCalculated;
import dev.seatbooking.contracts.registration.OrderEvent.PromotionalCodeApplied;
import dev.seatbooking.contracts.conference.PromotionalCodeText;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.eventsourcing.store.PostgresEventStore;
import dev.seatbooking.eventsourcing.store.RecordedEvent;
import dev.seatbooking.registration.SeatQuantities;
import dev.seatbooking.registration.service.OrderService.PlacedOrder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A place request sent again (the client did not get the first answer): it is answered as the first time, replayed
 * from the order's stream, if it is the same request, but with the access code only to whoever shows that code (a
 * repeat without it may come from someone who guessed the id and its seats).
 */
@Component
class RepeatedPlacements {

    private final PostgresEventStore store;
    private final OrderAccessGuard guard;

    RepeatedPlacements(PostgresEventStore store, OrderAccessGuard guard) {
        this.store = store;
        this.guard = guard;
    }

    /**
     * The first answer (the version after OrderTotalsCalculated, as then), if this is the request that placed the order.
     *
     * @throws OrderIdTaken the order was placed with other seats or for another conference
     */
    PlacedOrder firstAnswer(UUID orderId, RegisterToConference command, List<String> promotionalCodes) {
        List<RecordedEvent<Object>> history = store.load(orderId);
        Optional<OrderPlaced> placed = history.stream().map(RecordedEvent::event)
                .filter(OrderPlaced.class::isInstance).map(OrderPlaced.class::cast).findFirst();
        int placedVersion = history.stream().filter(r -> r.event() instanceof OrderTotalsCalculated)
                .mapToInt(RecordedEvent::version).findFirst().orElse(1);
        boolean same = placed.isPresent() && placed.get().conferenceId().equals(command.conferenceId())
                && positive(command.seats()) && sameSeats(placed.get().seats(), command.seats())
                && sameCodes(history, placedVersion, promotionalCodes);
        if (!same) throw new OrderIdTaken(orderId);
        return new PlacedOrder(orderId, command.conferenceId(), placed.get().accessCode(), placedVersion, true);
    }

    /**
     * The first answer as this client may see it: without the access code unless it showed it.
     *
     * @param accessCode    the {@code Order-Access-Code} the request showed, if any
     * @param clientAddress whom a wrong code counts against
     * @throws dev.seatbooking.web.throttle.TooManyAttempts the order or the client is locked out for now
     */
    PlacedOrder shownTo(PlacedOrder first, String accessCode, String clientAddress) {
        return guard.holdsCode(first.orderId(), accessCode, clientAddress) ? first : first.withoutAccessCode();
    }

    /** The codes applied with the placement (before its first totals), whatever case they were typed in. */
    private static boolean sameCodes(List<RecordedEvent<Object>> history, int placedVersion, List<String> asked) {
        Set<String> applied = history.stream().filter(r -> r.version() < placedVersion).map(RecordedEvent::event)
                .filter(PromotionalCodeApplied.class::isInstance).map(e -> ((PromotionalCodeApplied) e).code())
                .collect(Collectors.toSet());
        Set<String> typed = asked.stream().filter(PromotionalCodeText::isValid).map(PromotionalCodeText::normalize)
                .collect(Collectors.toSet());
        return typed.size() == asked.size() && applied.equals(typed);
    }

    private static boolean positive(List<SeatQuantity> seats) {
        return seats.stream().allMatch(s -> s.quantity() > 0);
    }

    /** The lines of a repeated request are not validated yet: lines adding up beyond int's range are no order's seats. */
    private static boolean sameSeats(List<SeatQuantity> placed, List<SeatQuantity> asked) {
        try {
            return SeatQuantities.of(placed).equals(SeatQuantities.of(asked));
        } catch (ArithmeticException beyondInt) {
            return false;
        }
    }
}
