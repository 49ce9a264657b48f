package dev.seatbooking.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressTest {

    @Test
    void addresses_people_type_are_valid() {
        assertThat(new String[]{
                "ada@example.org",
                "Ada.Lovelace@Example.ORG",
                "zoe.o+conf@mail.example.co.uk",
                "o'brien_1@sub-domain.example.com",
                "a@b.cd",
                "jürgen@müller.de",
                "user@example.xn--p1ai",
                "x".repeat(64) + "@" + "d".repeat(63) + ".org",
        }).allMatch(EmailAddress::isValid);
    }

    @Test
    void a_domain_needs_a_dot_and_a_top_level_domain_of_two_letters_or_more() {
        assertThat(new String[]{"a@b", "william@invalid", "ada@example.c", "ada@example.123", "ada@example.",
                "ada@.example.org", "ada@example..org", "ada@-example.org", "ada@example-.org", "ada@exa_mple.org",
                "ada@xn--"}).noneMatch(EmailAddress::isValid);
    }

    @Test
    void the_part_before_the_at_is_dot_separated_words() {
        assertThat(new String[]{"@example.org", ".ada@example.org", "ada.@example.org", "a..da@example.org",
                "\"ada\"@example.org", "a(da)@example.org", "a,da@example.org", "ada@@example.org",
                "ada@lovelace@example.org", "x".repeat(65) + "@example.org", "example.org"})
                .noneMatch(EmailAddress::isValid);
    }

    @Test
    void no_control_characters_no_white_space_at_most_254_characters() {
        assertThat(new String[]{"ada@exa\u0000mple.org", "ada@example.org\u0000", "ada@example.org\n",
                "\tada@example.org", "ada@example.org\r", "ada\u007F@example.org", "ada\u0085@example.org",
                "ada @example.org", " ada@example.org", "ada@example.org ", "ada\u00A0@example.org",
                "ada@example\u2028.org", "", null}).noneMatch(EmailAddress::isValid);

        String local = "x".repeat(64) + "@";
        String domain254 = "d".repeat(63) + "." + "d".repeat(63) + "." + "d".repeat(57) + ".org";
        assertThat(local.length() + domain254.length()).isEqualTo(254);
        assertThat(EmailAddress.isValid(local + domain254)).isTrue();
        assertThat(EmailAddress.isValid(local + "d" + domain254)).isFalse();
    }
}
