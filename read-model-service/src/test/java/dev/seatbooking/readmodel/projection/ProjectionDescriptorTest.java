package dev.seatbooking.readmodel.projection;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectionDescriptorTest {

    @Test
    void a_projection_is_known_by_what_it_declares() {
        Projection projection = new Projection() {
            public ProjectionDescriptor descriptor() {
                return new ProjectionDescriptor("priced-orders", 2, Set.of(StreamType.ORDER, StreamType.PAYMENT),
                        StreamType.ORDER);
            }

            public java.util.List<String> ddl() {
                return java.util.List.of();
            }

            public void apply(dev.seatbooking.contracts.Envelope event, Tables tables) {
            }
        };

        assertThat(projection.name()).isEqualTo("priced-orders");
        assertThat(projection.schemaVersion()).isEqualTo(2);
        assertThat(projection.streams()).containsExactlyInAnyOrder(StreamType.ORDER, StreamType.PAYMENT);
        assertThat(projection.tokenStream()).isEqualTo(StreamType.ORDER);
    }

    @Test
    void a_name_that_cannot_name_a_schema_is_refused() {
        assertThatThrownBy(() -> new ProjectionDescriptor("Priced Orders", 1, Set.of(StreamType.ORDER), StreamType.ORDER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_token_stream_must_be_one_of_the_streams_followed() {
        assertThatThrownBy(() -> new ProjectionDescriptor("orders", 1, Set.of(StreamType.ORDER), StreamType.PAYMENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PAYMENT");
    }

    @Test
    void a_schema_version_starts_at_one() {
        assertThatThrownBy(() -> new ProjectionDescriptor("orders", 0, Set.of(StreamType.ORDER), StreamType.ORDER))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
