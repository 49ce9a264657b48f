package dev.seatbooking.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * @param routes  route name (the first path segment after {@code /api/}) to the base URL of the service
 * @param timeout how long a forwarded request may take (a read-your-writes query waits up to the read model's bound)
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(Map<String, URI> routes, @DefaultValue("30s") Duration timeout) {

    /** The route names the front end uses. */
    public static final String MANAGEMENT = "management";
    public static final String REGISTRATION = "registration";
    public static final String PAYMENTS = "payments";
    public static final String READ = "read";

    public GatewayProperties {
        routes = routes == null ? Map.of() : Map.copyOf(routes);
    }
}
