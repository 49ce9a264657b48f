package dev.seatbooking.launcher;

import java.nio.file.Path;

/**
 * One running platform per test JVM, shared by the launcher's test classes (it takes a while to start): every port
 * free, data in {@code target/test-platform-data} (fresh at each run). Stopped when the JVM ends.
 */
final class TestPlatform {

    private static Platform platform;

    private TestPlatform() {
    }

    static synchronized Platform get() {
        if (platform == null) {
            System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
            LauncherSettings settings = LauncherSettings.forTest(Path.of("target", "test-platform-data"));
            settings = new LauncherSettings(settings.dataDir(), true, settings.gatewayPort(), settings.managementPort(),
                    settings.registrationPort(), settings.paymentsPort(), settings.readModelPort(),
                    settings.postgresPort(), settings.kafkaPort(), settings.controllerPort(), true);
            try {
                platform = Platform.start(settings);
            } catch (Exception e) {
                throw new IllegalStateException("The platform did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "test-platform-stop"));
        }
        return platform;
    }
}
