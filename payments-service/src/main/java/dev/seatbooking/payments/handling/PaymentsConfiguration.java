package dev.seatbooking.payments.handling;

import dev.seatbooking.contracts.payments.PaymentEvent;
import dev.seatbooking.contracts.payments.RefundEvent;
import dev.seatbooking.eventsourcing.aggregate.AggregateRepository;
import dev.seatbooking.eventsourcing.aggregate.AggregateType;
import dev.seatbooking.eventsourcing.store.PostgresEventStore;
import dev.seatbooking.payments.domain.Refund;
import dev.seatbooking.payments.domain.ThirdPartyProcessorPayment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PaymentsConfiguration {

    /** A payment has at most three events: no snapshots. */
    @Bean
    AggregateRepository<ThirdPartyProcessorPayment, PaymentEvent> paymentRepository(PostgresEventStore store) {
        return new AggregateRepository<>(store, new AggregateType<>(ThirdPartyProcessorPayment.STREAM_TYPE,
                PaymentEvent.class, ThirdPartyProcessorPayment::new));
    }

    /** A refund has a handful of events: no snapshots. */
    @Bean
    AggregateRepository<Refund, RefundEvent> refundRepository(PostgresEventStore store) {
        return new AggregateRepository<>(store, new AggregateType<>(Refund.STREAM_TYPE, RefundEvent.class,
                Refund::new));
    }
}
