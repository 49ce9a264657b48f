package dev.seatbooking.conference.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.beans.PropertyChangeEvent;
import java.util.Map;
import java.util.UUID;

/**
 * Runs before every {@link OwnerOnly} handler, after the path has been matched and before anything is read or
 * changed: lets the request through only with the credentials of the conference in its path. A refusal is an
 * {@link OwnerAccessDenied}, which the API's problem handler answers.
 * <p>
 * A path whose conference id is no UUID is refused first, as the handler's own conversion would refuse it (400
 * {@code malformed-request} naming {@code conferenceId}): it names no conference, so it is no sign-in attempt and
 * must not count as a failed one — else a few mistyped links would make the owner's own client wait, right
 * credentials and all. The answer is the same whatever the credentials, so it tells nothing about them.
 */
public class OwnerAccessInterceptor implements HandlerInterceptor {

    private final OwnerAccess access;

    public OwnerAccessInterceptor(OwnerAccess access) {
        this.access = access;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !isOwnerOnly(method)) return true;
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String conferenceId = variables == null ? null : variables.get(OwnerOnly.PATH_VARIABLE);
        if (conferenceId == null) {
            throw new IllegalStateException(method + " is @OwnerOnly but its path has no {conferenceId}");
        }
        requireUuid(conferenceId);
        access.requireOwner(request.getRemoteAddr(), conferenceId,
                OwnerCredentials.fromAuthorizationHeader(request.getHeader(HttpHeaders.AUTHORIZATION)));
        return true;
    }

    private static void requireUuid(String conferenceId) {
        try {
            UUID.fromString(conferenceId);
        } catch (IllegalArgumentException notAUuid) {
            throw new TypeMismatchException(new PropertyChangeEvent(conferenceId, OwnerOnly.PATH_VARIABLE, null,
                    conferenceId), UUID.class, notAUuid);
        }
    }

    static boolean isOwnerOnly(HandlerMethod method) {
        return method.hasMethodAnnotation(OwnerOnly.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), OwnerOnly.class);
    }
}
