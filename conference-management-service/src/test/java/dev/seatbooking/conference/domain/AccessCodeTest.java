package dev.seatbooking.conference.domain;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccessCodeTest {

    @Test
    void codes_are_16_unambiguous_characters_in_groups_of_four() {
        assertThat(AccessCode.generate()).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
    }

    @Test
    void codes_do_not_repeat() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) codes.add(AccessCode.generate());
        assertThat(codes).hasSize(10_000);
    }

    @Test
    void a_code_matches_its_hash_however_it_is_typed() {
        String code = AccessCode.generate();
        byte[] hash = AccessCode.hash(code);

        assertThat(hash).hasSize(32);
        assertThat(AccessCode.matches(code, hash)).isTrue();
        assertThat(AccessCode.matches(code.toLowerCase(), hash)).isTrue();
        assertThat(AccessCode.matches(code.replace("-", ""), hash)).isTrue();
        assertThat(AccessCode.matches(" " + code.replace("-", " ") + " ", hash)).isTrue();
    }

    @Test
    void another_code_does_not_match() {
        String code = AccessCode.generate();
        String almost = code.substring(0, code.length() - 1) + (code.endsWith("0") ? "1" : "0");
        assertThat(AccessCode.matches(almost, AccessCode.hash(code))).isFalse();
        assertThat(AccessCode.matches("", AccessCode.hash(code))).isFalse();
    }
}
