package dev.seatbooking.registration.process;

import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.conference.ConferenceEvent.ConferencePublished;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentCompleted;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.RegistrationProcessCommand.ExpireRegistrationProcess;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReserved;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.UUID;

import static dev.seatbooking.registration.process.ProcessScenario.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the process meets the messaging around it: ids, envelopes, routing, storage. */
class ProcessMessagesTest {

    private final RegistrationProcessManager manager = new RegistrationProcessManager();

    @Test
    void what_the_process_sends_joins_the_conversation_of_the_message_that_caused_it() {
        var then = givenNothing().when(orderPlaced(seat(GENERAL, 2)));
        Envelope placed = then.message();
        Envelope reservation = then.decision().send().getFirst();
        Envelope expiry = then.decision().schedule().getFirst().envelope();
        for (Envelope sent : List.of(reservation, expiry)) {
            assertThat(sent.correlationId()).isEqualTo(placed.correlationId());
            assertThat(sent.causationId()).isEqualTo(placed.messageId());
            assertThat(sent.aggregateVersion()).isEqualTo(Envelope.UNVERSIONED);
        }
        assertThat(reservation.aggregateId()).as("seat commands go to the conference's SeatsAvailability")
                .isEqualTo(CONFERENCE);
        assertThat(expiry.aggregateId()).as("the expiry comes back to this process").isEqualTo(ORDER);
        assertThat(reservation.messageId()).isNotEqualTo(expiry.messageId());
    }

    @Test
    void handling_the_same_message_again_sends_the_same_message_ids() {
        var placed = Envelope.of(UUID.randomUUID(), new OrderPlaced(ORDER, CONFERENCE, List.of(seat(GENERAL, 2)),
                HOLD_END, "K7PQ2MXW9R"), ORDER, 1, NOW);
        var state = RegistrationProcessState.notStarted(ORDER);
        Decision first = manager.handle(state, placed, NOW);
        Decision retried = manager.handle(state, placed, NOW.plusSeconds(3));
        assertThat(retried.send()).extracting(Envelope::messageId)
                .isEqualTo(first.send().stream().map(Envelope::messageId).toList());
        assertThat(retried.state()).isEqualTo(first.state());
    }

    @Test
    void every_message_of_the_process_names_its_order() {
        assertThat(RegistrationProcessManager.processIdOf(new SeatsReserved(CONFERENCE, ORDER, List.of(), List.of())))
                .contains(ORDER);
        assertThat(RegistrationProcessManager.processIdOf(
                new PaymentCompleted(PAYMENT, ORDER, CONFERENCE, Money.of("1.00", "EUR")))).contains(ORDER);
        assertThat(RegistrationProcessManager.processIdOf(new ExpireRegistrationProcess(ORDER))).contains(ORDER);
        assertThat(RegistrationProcessManager.processIdOf(new ConferencePublished(CONFERENCE))).isEmpty();
    }

    @Test
    void a_message_that_is_not_the_processes_is_a_routing_error() {
        var published = Envelope.of(new ConferencePublished(CONFERENCE), CONFERENCE);
        assertThatThrownBy(() -> manager.handle(RegistrationProcessState.notStarted(ORDER), published, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        var otherOrder = Envelope.of(new ExpireRegistrationProcess(UUID.randomUUID()), ORDER);
        assertThatThrownBy(() -> manager.handle(RegistrationProcessState.notStarted(ORDER), otherOrder, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_state_survives_being_stored_as_json() {
        var json = JsonMapper.builder().build(); // as the library's ProcessManagerStore stores it
        var states = List.of(
                RegistrationProcessState.notStarted(ORDER),
                given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)), paymentCompleted(PAYMENT),
                        orderUpdated(seat(GENERAL, 3))).state(),
                given(orderPlaced(seat(GENERAL, 2)), expiry(), paymentCompleted(PAYMENT)).state());
        for (RegistrationProcessState state : states) {
            String stored = json.writeValueAsString(state);
            assertThat(json.readValue(stored, RegistrationProcessState.class)).isEqualTo(state);
            assertThat(stored).doesNotContain("\"completed\"");
        }
    }

    @Test
    void a_whole_paid_registration_from_order_to_sold_seats() {
        var process = given(orderPlaced(seat(GENERAL, 2)), seatsReserved(seat(GENERAL, 2)),
                paymentCompleted(PAYMENT), orderConfirmed());
        assertThat(process.state().completion()).isEqualTo(Completion.CONFIRMED);
        assertThat(process.sent(Message.class)).extracting(Envelope::payload)
                .containsExactly(makeSeatReservation(seat(GENERAL, 2)), markSeatsAsReserved(seat(GENERAL, 2)),
                        confirmOrder(PAYMENT), commitSeatReservation());
        assertThat(process.state().paymentsToRefund()).isEmpty();
    }
}
