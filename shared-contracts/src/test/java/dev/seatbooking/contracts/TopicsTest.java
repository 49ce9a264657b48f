package dev.seatbooking.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void topic_names_are_distinct_and_valid_kafka_names() {
        assertThat(Topics.all()).hasSize(5).doesNotHaveDuplicates()
                .allSatisfy(topic -> assertThat(topic).matches("[a-z.-]{1,249}"))
                .contains("conference.events", "registration.events", "payments.events",
                        "registration.seats-availability.commands",
                        "registration.process.commands");
    }
}
