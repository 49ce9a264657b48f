package dev.seatbooking.conference.access;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OwnerCredentialsTest {

    @Test
    void basic_credentials_are_email_and_access_code() {
        assertThat(OwnerCredentials.fromAuthorizationHeader(basic("ada@example.org:ABCD-EFGH")))
                .contains(new OwnerCredentials("ada@example.org", "ABCD-EFGH"));
        assertThat(OwnerCredentials.fromAuthorizationHeader("basic " + encode("ada@example.org:X")))
                .contains(new OwnerCredentials("ada@example.org", "X"));
    }

    @Test
    void absent_or_other_schemes_are_no_credentials() {
        assertThat(OwnerCredentials.fromAuthorizationHeader(null)).isEmpty();
        assertThat(OwnerCredentials.fromAuthorizationHeader("Bearer abc")).isEmpty();
    }

    @Test
    void unreadable_basic_credentials_are_refused() {
        assertThatThrownBy(() -> OwnerCredentials.fromAuthorizationHeader("Basic %%%"))
                .isInstanceOf(OwnerAccessDenied.NotAuthenticated.class);
        assertThatThrownBy(() -> OwnerCredentials.fromAuthorizationHeader(basic("no-colon")))
                .isInstanceOf(OwnerAccessDenied.NotAuthenticated.class);
        assertThatThrownBy(() -> OwnerCredentials.fromAuthorizationHeader(basic("ada@example.org:")))
                .isInstanceOf(OwnerAccessDenied.NotAuthenticated.class);
    }

    @Test
    void control_characters_are_refused_not_trimmed_away() {
        for (String credentials : new String[]{"ada@example.org\u0000:ABCD-EFGH", "\u0000ada@example.org:ABCD-EFGH",
                "ada@example.org\t:ABCD-EFGH", "ada@example.org:ABCD-EFGH\u0000", "ada@example.org:ABCD\u007f",
                "ada@exa\u0085mple.org:ABCD-EFGH", "ada@example.org\n:ABCD-EFGH"}) {
            assertThatThrownBy(() -> OwnerCredentials.fromAuthorizationHeader(basic(credentials)))
                    .as(credentials.replace("\u0000", "\\u0000"))
                    .isInstanceOf(OwnerAccessDenied.NotAuthenticated.class);
        }
        assertThat(OwnerCredentials.fromAuthorizationHeader(basic(" ada@example.org :ABCD-EFGH")))
                .as("spaces around the email are still forgiven")
                .contains(new OwnerCredentials("ada@example.org", "ABCD-EFGH"));
    }

    @Test
    void an_empty_or_overlong_email_or_code_is_refused() {
        assertThatThrownBy(() -> OwnerCredentials.fromAuthorizationHeader(basic("  :ABCD-EFGH")))
                .isInstanceOf(OwnerAccessDenied.NotAuthenticated.class);
        assertThatThrownBy(() -> OwnerCredentials.fromAuthorizationHeader(basic("a".repeat(250) + "@x.org:ABCD")))
                .isInstanceOf(OwnerAccessDenied.NotAuthenticated.class);
        assertThatThrownBy(() -> OwnerCredentials.fromAuthorizationHeader(basic("ada@example.org:" + "A".repeat(65))))
                .isInstanceOf(OwnerAccessDenied.NotAuthenticated.class);
    }

    @Test
    void the_code_never_shows_in_logs() {
        assertThat(new OwnerCredentials("ada@example.org", "SECRET").toString()).doesNotContain("SECRET");
    }

    private static String basic(String userAndPassword) {
        return "Basic " + encode(userAndPassword);
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
