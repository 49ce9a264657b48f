package dev.seatbooking.notifications.mail;

import dev.seatbooking.notifications.support.IntegrationTest;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailStreamsTest extends IntegrationTest {

    @Test
    void once_the_service_runs_jakarta_mail_is_told_its_stream_provider_instead_of_scanning_for_it_on_every_part() {
        assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo(MailStreamProvider.class.getName());
        assertThat(StreamProvider.provider()).isInstanceOf(MailStreamProvider.class);
    }
}
