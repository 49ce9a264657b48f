package dev.seatbooking.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * The ops credential and where it is needed.
 *
 * @param username  the ops user's name
 * @param password  the ops user's password, plain or already encoded ({@code {bcrypt}...}); empty: the ops
 *                  endpoints answer 401 to everyone
 * @param paths     what needs it (besides the open health probes)
 * @param openPaths operations endpoints anyone may read: the health probes an orchestrator calls
 */
@ConfigurationProperties("seatbooking.ops")
public record EdgeSecurityProperties(@DefaultValue("ops") String username,
                                     @DefaultValue("") String password,
                                     @DefaultValue({"/actuator/**", "/api/admin/**"}) List<String> paths,
                                     @DefaultValue({"/actuator/health", "/actuator/health/**"}) List<String> openPaths) {
}
