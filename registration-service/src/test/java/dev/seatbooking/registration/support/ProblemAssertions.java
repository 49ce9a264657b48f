package dev.seatbooking.registration.support;

import dev.seatbooking.registration.support.RegistrantClient.Response;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every error answer of the API must be: a problem of the expected status and type, and no stack trace. */
public final class ProblemAssertions {

    public static final String TYPE_BASE = "https://seatbooking.dev/problems/";

    private ProblemAssertions() {
    }

    public static Response assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).as(response.text()).startsWith("application/problem+json");
        assertThat(response.problemType()).as(response.text()).isEqualTo(TYPE_BASE + code);
        assertThat(response.body().path("status").asInt()).isEqualTo(status);
        assertThat(response.body().path("code").asString()).isEqualTo(code);
        assertThat(response.body().path("title").asString()).isNotBlank();
        assertThat(response.body().has("trace")).isFalse();
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("dev.seatbooking");
        return response;
    }

    /** A 400 that names the offending fields. */
    public static Response assertInvalid(Response response, String code, String... fields) {
        assertProblem(response, 400, code);
        List<String> named = response.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
        assertThat(named).contains(fields);
        response.body().path("errors").valueStream().forEach(e -> assertThat(e.path("message").asString()).isNotBlank());
        return response;
    }
}
