package dev.seatbooking.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * The ops credential and where it is needed.
 *
 * @param username  the ops user's name
 * @param password  the ops user's password, plain or already encoded ({@code {bcrypt}...}); empty: the ops
 *                  endpoints answer 401 to everyone
 * @param paths     what needs it (besides the open health probes)
 * @param openPaths operations endpoints anyone may read: the health probes an orchestrator calls
 * @param signIn    how many wrong ops credentials a client may present before it is held back
 */
@ConfigurationProperties("seatbooking.ops")
public record EdgeSecurityProperties(@DefaultValue("ops") String username,
                                     @DefaultValue("") String password,
                                     @DefaultValue({"/actuator/**", "/api/admin/**"}) List<String> paths,
                                     @DefaultValue({"/actuator/health", "/actuator/health/**"}) List<String> openPaths,
                                     @DefaultValue SignInLimits signIn) {

    /**
     * The ops credential's throttle ({@code OpsSignInThrottle}): the last failure a window allows holds the client
     * address back (429 with Retry-After, right or wrong credentials alike) for one window, each further time twice as
     * long, up to {@code maxLockout}.
     *
     * @param failuresPerClient wrong credentials from one client address a window allows
     * @param window            how long failures are counted together; the first hold's length
     * @param maxLockout        the longest a client address is held back
     * @param trackedKeys       the most client addresses remembered; the least used are forgotten
     */
    public record SignInLimits(@DefaultValue("20") int failuresPerClient,
                               @DefaultValue("1m") Duration window,
                               @DefaultValue("15m") Duration maxLockout,
                               @DefaultValue("100000") int trackedKeys) {
    }
}
