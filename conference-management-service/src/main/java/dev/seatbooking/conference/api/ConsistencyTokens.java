package dev.seatbooking.conference.api;

import dev.seatbooking.contracts.ConsistencyToken;
import org.springframework.http.ResponseEntity;

import java.util.UUID;

/**
 * How a change of a conference answers: with a {@code Consistency-Token} ({@code <conference id>.<version of the last
 * event about it>}) that the read side can be asked to wait for.
 */
final class ConsistencyTokens {

    private ConsistencyTokens() {
    }

    /** The answer, carrying the token of the conference as the change left it. */
    static ResponseEntity.BodyBuilder withToken(ResponseEntity.BodyBuilder answer, UUID conferenceId,
                                                long eventVersion) {
        return answer.header(ConsistencyToken.HEADER, new ConsistencyToken(conferenceId, eventVersion).toString());
    }
}
