package dev.seatbooking.conference.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller (or handler method) whose paths have a {@code {conferenceId}}: every request needs that
 * conference's owner credentials, checked by {@link OwnerAccessInterceptor} before the handler runs.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface OwnerOnly {

    /** The path variable that names the conference. */
    String PATH_VARIABLE = "conferenceId";
}
