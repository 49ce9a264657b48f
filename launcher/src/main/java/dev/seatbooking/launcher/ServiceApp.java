package dev.seatbooking.launcher;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import org.springframework.core.io.DefaultResourceLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Spring Boot application of the platform, started in this JVM in its own application context (own port, own
 * database, own actuator and metrics). Every service has an {@code application.yml} and {@code db/migration} at
 * the root of its jar, and one class path would find them all: each application gets a {@link ServiceClassLoader}
 * that shows it only its own. The launcher's settings are given as command-line arguments, which win over the
 * application's own configuration.
 */
final class ServiceApp {

    private static final String EXCLUDE = "spring.autoconfigure.exclude";

    private final String name;
    private final Class<?> mainClass;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private volatile ConfigurableApplicationContext context;

    ServiceApp(String name, Class<?> mainClass) {
        this.name = name;
        this.mainClass = mainClass;
    }

    ServiceApp set(String property, Object value) {
        properties.put(property, String.valueOf(value));
        return this;
    }

    /** Adds auto-configurations (comma-separated class names) the application starts without. */
    ServiceApp exclude(String... autoConfigurations) {
        String excluded = String.join(",", autoConfigurations);
        properties.merge(EXCLUDE, excluded, (before, more) -> before + "," + more);
        return this;
    }

    String name() {
        return name;
    }

    Class<?> mainClass() {
        return mainClass;
    }

    /**
     * Starts the application with a class loader that hides the other applications' resources ({@code others}:
     * their main classes).
     */
    ServiceApp start(List<Class<?>> others) {
        List<String> hidden = others.stream().filter(c -> c != mainClass).map(ServiceClassLoader::rootOf).toList();
        ClassLoader loader = new ServiceClassLoader(name, mainClass.getClassLoader(), hidden);
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            context = new SpringApplicationBuilder(mainClass)
                    .resourceLoader(new DefaultResourceLoader(loader))
                    .bannerMode(Banner.Mode.OFF)
                    .registerShutdownHook(false)
                    .logStartupInfo(false)
                    .run(args.toArray(String[]::new));
        } finally {
            thread.setContextClassLoader(previous);
        }
        return this;
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Where it answers: on the address it was told to listen on ({@code server.address}), else on localhost. */
    String url() {
        return "http://" + properties.getOrDefault("server.address", "localhost") + ":" + port();
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    void stop() {
        ConfigurableApplicationContext running = context;
        if (running != null) running.close();
    }
}
