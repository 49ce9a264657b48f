package dev.seatbooking.payments.refunds;

import dev.seatbooking.payments.processor.RefundNotDone;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a conference's owner reads of a failed refund attempt, and what only operators read. */
class RefundAttemptErrorTest {

    @Test
    void the_processors_refusal_is_told_to_the_owner() {
        RefundAttemptError error = RefundAttemptError.of(new RefundNotDone("Card closed by the issuer"));

        assertThat(error.forOwner()).isEqualTo("Card closed by the issuer");
        assertThat(error.forOperators()).isEqualTo("Card closed by the issuer");
    }

    @Test
    void a_fault_on_our_side_of_the_call_is_told_only_to_operators() {
        RuntimeException fault = new IllegalStateException(
                "Connection to processor-gw.internal:8443 refused (key sk_live_4242)");

        RefundAttemptError error = RefundAttemptError.of(fault);

        assertThat(error.forOwner()).isEqualTo(RefundAttemptError.NOT_ASKED).doesNotContain("internal", "sk_live");
        assertThat(error.forOperators()).contains("IllegalStateException", "processor-gw.internal:8443");
    }

    @Test
    void a_long_refusal_is_shortened_for_the_owner_and_kept_whole_for_operators() {
        String essay = "x".repeat(5_000);

        RefundAttemptError error = RefundAttemptError.of(new RefundNotDone(essay));

        assertThat(error.forOwner()).hasSize(RefundAttemptError.OWNER_TEXT_LIMIT).endsWith("…");
        assertThat(error.forOperators()).isEqualTo(essay);
    }

    @Test
    void a_fault_without_a_message_is_named_by_its_type() {
        assertThat(RefundAttemptError.of(new NullPointerException()).forOperators())
                .isEqualTo("java.lang.NullPointerException");
    }
}
