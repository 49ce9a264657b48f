package dev.seatbooking.conference.access;

import dev.seatbooking.web.throttle.TooManyAttempts;
import dev.seatbooking.conference.administration.ConferenceRepository;
import dev.seatbooking.conference.domain.AccessCode;
import dev.seatbooking.conference.domain.OwnerKey;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks an owner's credentials (email + access code) against one conference, and finds the conference a pair of
 * credentials opens. Codes are compared by their SHA-256 in constant time; an unknown conference is compared
 * against a dummy hash, so neither the answer nor its timing tells whether a conference exists. Every attempt
 * passes the {@link SignInThrottle} first, and tells it how it went.
 */
@Component
public class OwnerAccess {

    private static final byte[] NO_CONFERENCE = new byte[32];

    private final ConferenceRepository conferences;
    private final SignInThrottle throttle;

    OwnerAccess(ConferenceRepository conferences, SignInThrottle throttle) {
        this.conferences = conferences;
        this.throttle = throttle;
    }

    /**
     * Lets the request through if {@code credentials} are the owner's of conference {@code conferenceId}.
     *
     * @param client       who is asking (the remote address), for throttling
     * @param conferenceId the path's text, whatever it is
     * @throws OwnerAccessDenied.NotAuthenticated no credentials, or ones that open no conference (401)
     * @throws OwnerAccessDenied.Forbidden        credentials of another conference (403)
     * @throws TooManyAttempts  this client must wait before it tries this email again (429)
     */
    public void requireOwner(String client, String conferenceId, Optional<OwnerCredentials> credentials) {
        OwnerCredentials given = credentials.orElseThrow(() -> new OwnerAccessDenied.NotAuthenticated(
                "Send the conference owner's email and access code (HTTP Basic)"));
        Optional<UUID> id = idOf(conferenceId);
        try (SignInThrottle.Attempt attempt = throttle.begin(given.email(), client, id.orElse(null))) {
            Optional<OwnerKey> key = id.flatMap(conferences::findOwnerKey);
            if (opens(key, given)) {
                attempt.succeeded(id.get());
                return;
            }
            attempt.failed();
        }
        if (locate(given).isPresent()) throw new OwnerAccessDenied.Forbidden();
        throw new OwnerAccessDenied.NotAuthenticated("Wrong owner email or access code");
    }

    /**
     * The conference that {@code credentials} open ("locate a conference with owner email + access code").
     *
     * @throws OwnerAccessDenied.NotAuthenticated when they open none (and the failure is counted)
     * @throws TooManyAttempts  this client must wait before it tries this email again
     */
    public UUID signIn(String client, OwnerCredentials credentials) {
        try (SignInThrottle.Attempt attempt = throttle.begin(credentials.email(), client, null)) {
            Optional<UUID> found = locate(credentials);
            if (found.isPresent()) {
                attempt.succeeded(found.get());
                return found.get();
            }
            attempt.failed();
        }
        throw new OwnerAccessDenied.NotAuthenticated("Wrong owner email or access code");
    }

    private Optional<UUID> locate(OwnerCredentials credentials) {
        List<OwnerKey> keys = conferences.findOwnerKeysByEmail(credentials.email());
        if (keys.isEmpty()) {
            AccessCode.matches(credentials.accessCode(), NO_CONFERENCE); // the same work as for a known email
            return Optional.empty();
        }
        UUID found = null;
        for (OwnerKey key : keys) {
            if (AccessCode.matches(credentials.accessCode(), key.accessCodeHash())) found = key.conferenceId();
        }
        return Optional.ofNullable(found);
    }

    private static boolean opens(Optional<OwnerKey> key, OwnerCredentials given) {
        boolean codeMatches = AccessCode.matches(given.accessCode(), key.map(OwnerKey::accessCodeHash).orElse(NO_CONFERENCE));
        boolean emailMatches = key.map(k -> k.ownerEmail().equalsIgnoreCase(given.email())).orElse(false);
        return key.isPresent() & codeMatches & emailMatches;
    }

    private static Optional<UUID> idOf(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
