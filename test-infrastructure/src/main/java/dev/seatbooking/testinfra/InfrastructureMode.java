package dev.seatbooking.testinfra;

import org.testcontainers.DockerClientFactory;

/**
 * Which real PostgreSQL and Kafka the tests get. Chosen by the system property or environment
 * variable {@code test.infra} / {@code TEST_INFRA}:
 * <ul>
 *   <li>{@code embedded} (default): zonky embedded PostgreSQL binaries and spring-kafka-test's KRaft broker,
 *       in or beside the test JVM. Needs nothing but a JDK.</li>
 *   <li>{@code testcontainers}: {@code postgres:17} and {@code apache/kafka} containers; needs a Docker engine.</li>
 *   <li>{@code auto}: Testcontainers when a Docker engine answers, embedded otherwise.</li>
 * </ul>
 */
public enum InfrastructureMode {
    EMBEDDED, TESTCONTAINERS;

    private static volatile InfrastructureMode current;

    public static InfrastructureMode current() {
        if (current == null) {
            synchronized (InfrastructureMode.class) {
                if (current == null) current = resolve();
            }
        }
        return current;
    }

    private static InfrastructureMode resolve() {
        String wanted = System.getProperty("test.infra", System.getenv().getOrDefault("TEST_INFRA", "embedded"));
        return switch (wanted.trim().toLowerCase()) {
            case "embedded" -> EMBEDDED;
            case "testcontainers" -> TESTCONTAINERS;
            case "auto" -> dockerAvailable() ? TESTCONTAINERS : EMBEDDED;
            default -> throw new IllegalArgumentException(
                    "test.infra must be embedded, testcontainers or auto, not '" + wanted + "'");
        };
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException noDocker) {
            return false;
        }
    }
}
