package dev.seatbooking.launcher;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;

/**
 * One running platform per test JVM, shared by the launcher's test classes (it takes a while to start): every port
 * free, data in {@code target/test-platform-data} (fresh at each run), unpaid orders released {@value
 * #EXPIRATION_BUFFER} after their hold. Test classes use it with
 * {@code @ExtendWith(TestPlatform.class)}; it is stopped in order when the last test has run (from JUnit's root
 * store, before the JVM's shutdown hooks).
 */
final class TestPlatform implements BeforeAllCallback {

    static final String EXPIRATION_BUFFER = "5s";

    private static Platform platform;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(TestPlatform.class, key -> new Running(start()), Running.class);
    }

    static synchronized Platform get() {
        if (platform == null) throw new IllegalStateException("Use @ExtendWith(TestPlatform.class)");
        return platform;
    }

    private static synchronized Platform start() {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        ClientLimits.liftGatewayRateLimit();
        ClientLimits.liftSeatsPerClient();
        // An unpaid order's seats are released this long after its hold (the book's 14 minutes otherwise): the
        // browser test waits for an order of a 1-minute hold to expire, and its seat to go to the waitlist.
        System.setProperty("registration.expiration-buffer", EXPIRATION_BUFFER);
        LauncherSettings free = LauncherSettings.forTest(Path.of("target", "test-platform-data"));
        LauncherSettings settings = new LauncherSettings(free.dataDir(), true, free.gatewayPort(),
                free.managementPort(), free.registrationPort(), free.paymentsPort(), free.readModelPort(),
                free.postgresPort(), free.kafkaPort(), free.controllerPort(), true);
        try {
            platform = PlatformStarts.oneAtATime(() -> Platform.start(settings));
        } catch (Exception e) {
            throw new IllegalStateException("The platform did not start", e);
        }
        return platform;
    }

    private record Running(Platform platform) implements AutoCloseable {
        @Override
        public void close() {
            platform.close();
        }
    }
}
