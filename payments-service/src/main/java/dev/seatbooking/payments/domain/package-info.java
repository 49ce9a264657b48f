/**
 * The payment domain: the event-sourced {@link dev.seatbooking.payments.domain.ThirdPartyProcessorPayment}, what
 * this context knows of the order being paid ({@link dev.seatbooking.payments.domain.KnownOrder}) and the named
 * refusals of its decisions. Plain Java: no Spring, Kafka or JDBC here (checked by an ArchUnit test).
 */
package dev.seatbooking.payments.domain;
