package dev.seatbooking.registration.process;

import dev.seatbooking.contracts.Envelope;
import dev.seatbooking.contracts.Message;
import dev.seatbooking.contracts.Money;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentCompleted;
import dev.seatbooking.contracts.payments.PaymentEvent.PaymentRejected;
import dev.seatbooking.contracts.registration.OrderCommand.ConfirmOrder;
import dev.seatbooking.contracts.registration.OrderCommand.MarkSeatsAsReserved;
import dev.seatbooking.contracts.registration.OrderCommand.RejectOrder;
import dev.seatbooking.contracts.registration.OrderEvent.OrderConfirmed;
import dev.seatbooking.contracts.registration.OrderEvent.OrderPlaced;
import dev.seatbooking.contracts.registration.OrderEvent.OrderUpdated;
import dev.seatbooking.contracts.registration.RegistrationProcessCommand.ExpireRegistrationProcess;
import dev.seatbooking.contracts.registration.SeatQuantity;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.CancelSeatReservation;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.CommitSeatReservation;
import dev.seatbooking.contracts.registration.SeatsAvailabilityCommand.MakeSeatReservation;
import dev.seatbooking.contracts.registration.SeatsAvailabilityEvent.SeatsReserved;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Given/when/then for the registration process: given the messages that reached it, when one more arrives, then
 * what it sends, schedules, cancels, becomes and reports. Replies are built from what the process sent before, as
 * the real ones are: a SeatsReserved names the MakeSeatReservation it answers, an expiry is the very message the
 * process scheduled.
 */
final class ProcessScenario {

    static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID CONFERENCE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final UUID OTHER_CONFERENCE = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    static final UUID GENERAL = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID WORKSHOP = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID PAYMENT = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    static final UUID OTHER_PAYMENT = UUID.fromString("00000000-0000-0000-0000-0000000000f2");

    /** What every {@link #paymentCompleted} paid. */
    static final Money PAID = Money.of("200.00", "EUR");

    static final Instant NOW = Instant.parse("2025-05-01T09:00:00Z");
    static final Instant HOLD_END = NOW.plus(Duration.ofMinutes(15));

    private final RegistrationProcessManager manager;

    private ProcessScenario(RegistrationProcessManager manager) {
        this.manager = manager;
    }

    static ProcessScenario withBuffer(Duration buffer) {
        return new ProcessScenario(new RegistrationProcessManager(buffer));
    }

    /** With the default buffer of 14 minutes. */
    static Given given(Arrival... past) {
        return new ProcessScenario(new RegistrationProcessManager()).givenMessages(past);
    }

    static Given givenNothing() {
        return given();
    }

    Given givenMessages(Arrival... past) {
        var given = new Given(manager);
        for (Arrival arrival : past) given.receive(arrival);
        return given;
    }

    static Instant minutesAfterNow(int minutes) {
        return NOW.plus(Duration.ofMinutes(minutes));
    }

    static SeatQuantity seat(UUID seatType, int quantity) {
        return new SeatQuantity(seatType, quantity);
    }

    // Messages arriving

    /** A message reaching the process at a given time, possibly built from what the process has sent so far. */
    record Arrival(Function<Given, Envelope> message, Function<Given, Instant> at) {

        Arrival at(Instant when) {
            return new Arrival(message, g -> when);
        }
    }

    private static Arrival arriving(Message payload, UUID aggregateId) {
        Envelope envelope = Envelope.of(UUID.randomUUID(), payload, aggregateId, 1, NOW);
        return new Arrival(g -> envelope, g -> NOW);
    }

    static Arrival orderPlaced(SeatQuantity... seats) {
        return arriving(new OrderPlaced(ORDER, CONFERENCE, Arrays.asList(seats), HOLD_END, "K7PQ2MXW9R"), ORDER);
    }

    static Arrival orderPlacedFor(UUID conference, SeatQuantity... seats) {
        return arriving(new OrderPlaced(ORDER, conference, Arrays.asList(seats), HOLD_END, "K7PQ2MXW9R"), ORDER);
    }

    static Arrival orderUpdated(SeatQuantity... seats) {
        return arriving(new OrderUpdated(ORDER, Arrays.asList(seats)), ORDER);
    }

    /** The answer to the latest MakeSeatReservation the process sent. */
    static Arrival seatsReserved(SeatQuantity... reserved) {
        return new Arrival(g -> seatsReservedEnvelope(g.lastSent(MakeSeatReservation.class), reserved), g -> NOW);
    }

    /** The answer to the {@code nth} (from 1) MakeSeatReservation the process sent. */
    static Arrival seatsReservedAnswering(int nth, SeatQuantity... reserved) {
        return new Arrival(g -> seatsReservedEnvelope(g.sent(MakeSeatReservation.class).get(nth - 1), reserved),
                g -> NOW);
    }

    private static Envelope seatsReservedEnvelope(Envelope command, SeatQuantity... reserved) {
        var changes = Arrays.stream(reserved).map(s -> seat(s.seatTypeId(), -s.quantity())).toList();
        var event = new SeatsReserved(CONFERENCE, ORDER, Arrays.asList(reserved), changes);
        return Envelope.of(UUID.randomUUID(), event, CONFERENCE, 7, NOW).causedBy(command);
    }

    static Arrival paymentCompleted(UUID payment) {
        return arriving(new PaymentCompleted(payment, ORDER, CONFERENCE, PAID), payment);
    }

    static Arrival paymentRejected(UUID payment) {
        return arriving(new PaymentRejected(payment, ORDER, CONFERENCE, Money.of("200.00", "EUR")), payment);
    }

    static Arrival orderConfirmed() {
        return arriving(new OrderConfirmed(ORDER, false, PAYMENT), ORDER);
    }

    static Arrival freeOrderConfirmed() {
        return arriving(new OrderConfirmed(ORDER, true), ORDER);
    }

    /** The expiry the process scheduled, delivered when due. */
    static Arrival expiry() {
        return new Arrival(g -> g.scheduled(ExpireRegistrationProcess.class).envelope(),
                g -> g.scheduled(ExpireRegistrationProcess.class).dueAt());
    }

    /** An expiry the process does not remember (say, one scheduled by a version that has since been replaced). */
    static Arrival staleExpiry() {
        return arriving(new ExpireRegistrationProcess(ORDER), ORDER).at(HOLD_END.plus(Duration.ofMinutes(14)));
    }

    // Commands expected

    static MakeSeatReservation makeSeatReservation(SeatQuantity... seats) {
        return new MakeSeatReservation(CONFERENCE, ORDER, Arrays.asList(seats), HOLD_END.plus(Duration.ofMinutes(1)));
    }

    static MarkSeatsAsReserved markSeatsAsReserved(SeatQuantity... seats) {
        return new MarkSeatsAsReserved(ORDER, Arrays.asList(seats), HOLD_END);
    }

    static ExpireRegistrationProcess expireRegistrationProcess() {
        return new ExpireRegistrationProcess(ORDER);
    }

    /** The ConfirmOrder for a {@link #paymentCompleted} of {@code payment}. */
    static ConfirmOrder confirmOrder(UUID payment) {
        return ConfirmOrder.paidBy(ORDER, payment, PAID);
    }

    static RejectOrder rejectOrder() {
        return new RejectOrder(ORDER);
    }

    static CancelSeatReservation cancelSeatReservation() {
        return new CancelSeatReservation(CONFERENCE, ORDER);
    }

    static CommitSeatReservation commitSeatReservation() {
        return new CommitSeatReservation(CONFERENCE, ORDER);
    }

    /** The process after the messages so far; also what replies are built from. */
    static final class Given {
        private final RegistrationProcessManager manager;
        private RegistrationProcessState state = RegistrationProcessState.notStarted(ORDER);
        private final List<Envelope> sent = new ArrayList<>();
        private final List<Decision.Scheduled> scheduled = new ArrayList<>();

        private Given(RegistrationProcessManager manager) {
            this.manager = manager;
        }

        private Decision receive(Arrival arrival) {
            Decision decision = manager.handle(state, arrival.message().apply(this), arrival.at().apply(this));
            state = decision.state();
            sent.addAll(decision.send());
            scheduled.addAll(decision.schedule());
            return decision;
        }

        /** The order refused the ConfirmOrder of {@code payment}: it paid another amount than the order's total. */
        Given orderRefused(UUID payment) {
            state = manager.paymentRefusedByOrder(state, payment, "paid 200.00 but the order costs 300.00").state();
            return this;
        }

        Then whenTheOrderRefuses(UUID payment) {
            RegistrationProcessState before = state;
            Decision decision = manager.paymentRefusedByOrder(state, payment, "paid 200.00 but the order costs 300.00");
            state = decision.state();
            return new Then(this, before, null, decision, null);
        }

        Then when(Arrival arrival) {
            Envelope message = arrival.message().apply(this);
            Instant at = arrival.at().apply(this);
            RegistrationProcessState before = state;
            try {
                Decision decision = receive(new Arrival(g -> message, g -> at));
                return new Then(this, before, message, decision, null);
            } catch (RuntimeException failure) {
                return new Then(this, before, message, null, failure);
            }
        }

        RegistrationProcessState state() {
            return state;
        }

        List<Envelope> sent(Class<? extends Message> type) {
            return sent.stream().filter(e -> type.isInstance(e.payload())).toList();
        }

        Envelope lastSent(Class<? extends Message> type) {
            return sent(type).getLast();
        }

        Decision.Scheduled scheduled(Class<? extends Message> type) {
            return scheduled.stream().filter(s -> type.isInstance(s.envelope().payload())).reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("the process scheduled no " + type.getSimpleName()));
        }
    }

    /** Checks on one decision. Each {@code then…} names one aspect; what is not named is not checked. */
    static final class Then {
        private final Given given;
        private final RegistrationProcessState before;
        private final Envelope message;
        private final Decision decision;
        private final RuntimeException failure;

        private Then(Given given, RegistrationProcessState before, Envelope message, Decision decision,
                     RuntimeException failure) {
            this.given = given;
            this.before = before;
            this.message = message;
            this.decision = decision;
            this.failure = failure;
        }

        /** Exactly these commands, sent now, in this order. */
        Then thenSends(Message... commands) {
            assertThat(decision().send()).extracting(Envelope::payload).containsExactly(commands);
            return this;
        }

        Then thenSendsNothing() {
            assertThat(decision().send()).extracting(Envelope::payload).isEmpty();
            assertThat(decision().schedule()).isEmpty();
            return this;
        }

        Then thenSchedules(Message command, Instant dueAt) {
            assertThat(decision().schedule()).extracting(s -> s.envelope().payload(), Decision.Scheduled::dueAt)
                    .containsExactly(tuple(command, dueAt));
            return this;
        }

        Then thenSchedulesNothing() {
            assertThat(decision().schedule()).isEmpty();
            return this;
        }

        Then thenCancelsTheExpiry() {
            assertThat(decision().cancel())
                    .containsExactly(given.scheduled(ExpireRegistrationProcess.class).envelope().messageId());
            return this;
        }

        Then thenCancelsNothing() {
            assertThat(decision().cancel()).isEmpty();
            return this;
        }

        Then thenIsIn(ProcessState expected) {
            assertThat(decision().state().state()).isEqualTo(expected);
            return this;
        }

        Then thenRuns() {
            assertThat(decision().state().completed()).as("completed").isFalse();
            return this;
        }

        Then thenCompletes(Completion expected) {
            assertThat(decision().state().completion()).isEqualTo(expected);
            assertThat(decision().state().completed()).isTrue();
            return this;
        }

        /** A duplicate or stale message: nothing sent, nothing changed. */
        Then thenIgnores() {
            assertThat(decision().outcomes()).singleElement().isInstanceOf(Outcome.Ignored.class);
            return thenChangesNothing();
        }

        /** Refused (where the RI threw): nothing sent; the state may note it. */
        Then thenRefuses() {
            assertThat(decision().outcomes()).singleElement().isInstanceOf(Outcome.Refused.class);
            return thenSendsNothing();
        }

        Then thenAsksForAttention() {
            assertThat(decision().outcomes()).singleElement().isInstanceOf(Outcome.NeedsAttention.class);
            return thenChangesNothing();
        }

        Then thenDoesNotApply(UUID payment) {
            assertThat(decision().outcomes()).singleElement().isInstanceOfSatisfying(Outcome.PaymentNotApplied.class,
                    notApplied -> {
                        assertThat(notApplied.paymentId()).isEqualTo(payment);
                        assertThat(notApplied.orderId()).isEqualTo(ORDER);
                    });
            assertThat(decision().state().paymentsToRefund()).contains(payment);
            return this;
        }

        Then thenReportsNothing() {
            assertThat(decision().outcomes()).isEmpty();
            return this;
        }

        Then thenChangesNothing() {
            assertThat(decision().state()).isEqualTo(before);
            return thenSendsNothing().thenCancelsNothing();
        }

        <X extends RuntimeException> X thenFailsWith(Class<X> type) {
            assertThat(failure).as("failure").isInstanceOf(type);
            return type.cast(failure);
        }

        Then state(Consumer<RegistrationProcessState> check) {
            check.accept(decision().state());
            return this;
        }

        Decision decision() {
            if (failure != null) throw new AssertionError("the process failed: " + failure, failure);
            return decision;
        }

        Envelope message() {
            return message;
        }

        Given given() {
            return given;
        }
    }
}
