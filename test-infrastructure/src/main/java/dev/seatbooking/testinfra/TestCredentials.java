package dev.seatbooking.testinfra;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The secrets a test configures its services with: the ops credential and the gateway's token. */
public final class TestCredentials {

    public static final String OPS_USER = "ops";
    public static final String OPS_PASSWORD = "ops-test-password";
    /** Sent as {@code Gateway-Token} by the gateway; a service believes {@code X-Forwarded-For} only with it. */
    public static final String GATEWAY_TOKEN = "test-gateway-token";

    private TestCredentials() {
    }

    /** The {@code Authorization} header value that opens the ops endpoints. */
    public static String opsAuthorization() {
        return "Basic " + Base64.getEncoder()
                .encodeToString((OPS_USER + ":" + OPS_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
