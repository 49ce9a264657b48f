package dev.seatbooking.contracts;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsistencyTokenTest {

    @Test
    void a_token_survives_its_text_form() {
        ConsistencyToken token = new ConsistencyToken(UUID.randomUUID(), 42);
        assertThat(ConsistencyToken.parse(token.toString())).isEqualTo(token);
    }

    @Test
    void text_that_is_not_a_token_is_refused_with_the_expected_form() {
        for (String bad : new String[]{"", "42", "not-a-uuid.3", UUID.randomUUID() + ".x", UUID.randomUUID() + ".-1"}) {
            assertThatThrownBy(() -> ConsistencyToken.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("<stream id>.<version>");
        }
        assertThatThrownBy(() -> ConsistencyToken.parse(null)).hasMessageContaining("<stream id>.<version>");
    }
}
