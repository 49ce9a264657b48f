package dev.seatbooking.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The secret the gateway sends to the services as {@code Gateway-Token}: a service believes {@code X-Forwarded-For}
 * (and a {@code Correlation-Id}) only from a request that carries it, i.e. one that came through the gateway. The
 * launcher makes a new one at every start; docker-compose takes it from {@code GATEWAY_TOKEN}. Empty: no token is
 * sent (and the services believe no forwarded address).
 *
 * @param token the shared secret, {@code seatbooking.gateway.token}
 */
@ConfigurationProperties("seatbooking.gateway")
record GatewayToken(@DefaultValue("") String token) {

    static final String HEADER = "Gateway-Token";

    boolean present() {
        return !token.isBlank();
    }

    @Override
    public String toString() {
        return "GatewayToken[" + (present() ? "***" : "none") + "]";
    }
}
