package dev.seatbooking.launcher.processes;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml as the multi-process platform reads it: each service's image, environment (with compose's
 * {@code ${VAR}} interpolation from the variables given), dependencies, health check and stop grace period. Nothing
 * else of the file is used but the published ports: volumes, networks and ports are what the platform stands in for.
 */
record ComposeFile(Map<String, Service> services) {

    /** Compose's own default when a service names no {@code stop_grace_period}. */
    private static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);
    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    /**
     * One service of the file.
     *
     * @param environment its environment as compose passes it: every value interpolated, numbers as written
     * @param healthcheck its health check's command, the words joined by spaces
     * @param ports       what it publishes on the host, as compose writes it ({@code "8025:8025"}: host, container)
     */
    record Service(String name, String image, Map<String, String> environment, List<String> dependsOn,
                   String healthcheck, Duration stopGracePeriod, List<String> ports) {

        boolean published() {
            return !ports.isEmpty();
        }
    }

    /** Reads the file; {@code variables} are the shell's variables compose would interpolate (GATEWAY_TOKEN, ...). */
    @SuppressWarnings("unchecked")
    static ComposeFile read(Path file, Map<String, String> variables) throws IOException {
        Map<String, Object> root;
        try (InputStream in = Files.newInputStream(file)) {
            root = new Yaml().load(in);
        }
        Map<String, Service> services = new LinkedHashMap<>();
        map(root.get("services")).forEach((name, definition) ->
                services.put(name, service(name, map(definition), variables)));
        return new ComposeFile(services);
    }

    Service service(String name) {
        Service service = services.get(name);
        if (service == null) throw new IllegalArgumentException("docker-compose.yml has no service " + name);
        return service;
    }

    private static Service service(String name, Map<String, Object> definition, Map<String, String> variables) {
        Map<String, String> environment = new LinkedHashMap<>();
        map(definition.get("environment")).forEach((key, value) ->
                environment.put(key, interpolate(String.valueOf(value), variables, name + "." + key)));
        Object dependsOn = definition.get("depends_on");
        List<String> dependencies = dependsOn instanceof List<?> names
                ? names.stream().map(String::valueOf).toList()
                : List.copyOf(map(dependsOn).keySet());
        Object test = map(definition.get("healthcheck")).get("test");
        String healthcheck = test instanceof List<?> words
                ? String.join(" ", words.stream().map(String::valueOf).toList())
                : String.valueOf(test);
        Object grace = definition.get("stop_grace_period");
        return new Service(name, String.valueOf(definition.get("image")), environment, dependencies, healthcheck,
                grace == null ? DEFAULT_STOP_GRACE : duration(String.valueOf(grace)),
                definition.get("ports") instanceof List<?> ports ? ports.stream().map(String::valueOf).toList() : List.of());
    }

    /**
     * Compose's interpolation: {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:?error}},
     * {@code ${VAR?error}} and {@code $$} for a dollar sign.
     */
    static String interpolate(String value, Map<String, String> variables, String where) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(substitute(matcher, variables, where)));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static String substitute(Matcher matcher, Map<String, String> variables, String where) {
        if (matcher.group().equals("$$")) return "$";
        String name = matcher.group(1);
        String operator = matcher.group(2);
        String given = variables.get(name);
        boolean missing = given == null || (given.isEmpty() && operator != null && operator.startsWith(":"));
        if (!missing) return given;
        if (operator == null) return "";
        if (operator.endsWith("-")) return matcher.group(3);
        throw new IllegalArgumentException(where + ": " + name + " is not set (" + matcher.group(3) + ")");
    }

    /** Compose's durations as this file writes them: {@code 45s}, {@code 2m}, {@code 1m30s}, {@code 500ms}. */
    static Duration duration(String text) {
        Matcher part = Pattern.compile("(\\d+)(ms|s|m|h)").matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find()) {
            if (part.start() != end) break;
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
            end = part.end();
        }
        if (end == 0 || end != text.length()) throw new IllegalArgumentException("Not a compose duration: " + text);
        return total;
    }

    /** Groups of services that compose starts together: every dependency of a group is in an earlier one. */
    List<List<Service>> startLevels() {
        List<List<Service>> levels = new ArrayList<>();
        List<String> started = new ArrayList<>();
        List<Service> waiting = new ArrayList<>(services.values());
        while (!waiting.isEmpty()) {
            List<Service> level = waiting.stream().filter(s -> started.containsAll(s.dependsOn())).toList();
            if (level.isEmpty()) throw new IllegalStateException("Circular depends_on among " + waiting);
            levels.add(level);
            level.forEach(s -> started.add(s.name()));
            waiting.removeAll(level);
        }
        return levels;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
