package dev.seatbooking.web.problem;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/problems.md: a 500 is {@code internal-error} at every layer, Boot's /error included. */
class ProblemsTest {

    @Test
    void a_500_is_an_internal_error_whichever_layer_answers_it() {
        assertThat(Problems.codeOf(HttpStatus.INTERNAL_SERVER_ERROR)).isEqualTo(Problems.INTERNAL_ERROR);
    }
}
