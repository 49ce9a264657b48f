package dev.seatbooking.launcher.processes;

import dev.seatbooking.launcher.FreePorts;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What stands in for the compose network: every service is on 127.0.0.1, and each port a service listens on in
 * compose (postgres:5432, kafka:9092, registration:8082, ...) becomes a free port of this machine, the same one for
 * the platform's whole life (so that a restarted process is found where it was).
 */
final class LocalNetwork {

    static final String LOOPBACK = "127.0.0.1";

    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    /** {@code host:port} where the host is a compose service's name. */
    private final Pattern serviceAddress;
    /** A listener of the service itself, {@code PLAINTEXT://:9092}: an empty host is every interface of its own. */
    private static final Pattern OWN_LISTENER = Pattern.compile("//:(\\d+)");

    private final Set<String> services;
    /** A port compose publishes on the host ({@code localhost:8025}) → the service and its container port. */
    private final Map<Integer, String> published = new ConcurrentHashMap<>();
    /** The host's own address as compose's values name it: a port published there is a service's port here. */
    private static final Pattern HOST_ADDRESS = Pattern.compile("(?<![\\w.-])localhost:(\\d+)");

    LocalNetwork(Collection<String> serviceNames) {
        services = Set.copyOf(serviceNames);
        String names = serviceNames.stream().sorted(Comparator.comparing(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        serviceAddress = Pattern.compile("(?<![\\w.-])(" + names + "):(\\d+)");
    }

    /** Whether {@code name} is a compose service's (a host name on the compose network). */
    boolean isService(String name) {
        return services.contains(name);
    }

    /** The port of this machine that stands for {@code service}'s compose port. */
    int port(String service, int composePort) {
        return ports.computeIfAbsent(service + ":" + composePort, key -> FreePorts.next());
    }

    /** Gives {@code service}'s compose port a chosen port of this machine (the gateway's, if the caller wants one). */
    void assign(String service, int composePort, int port) {
        if (ports.putIfAbsent(service + ":" + composePort, port) != null) {
            throw new IllegalStateException(service + ":" + composePort + " already has a port");
        }
    }

    /** What {@code service} publishes on the host ({@code "8025:8025"}, host port first), as compose's file says. */
    void publish(String service, List<String> ports) {
        for (String mapping : ports) {
            String[] hostAndContainer = mapping.split(":");
            published.put(Integer.parseInt(hostAndContainer[hostAndContainer.length - 2]),
                    service + ":" + hostAndContainer[hostAndContainer.length - 1]);
        }
    }

    /**
     * A compose value with every {@code <service>:<port>} replaced by {@code 127.0.0.1:<its port here>}, the own
     * listeners of {@code service} ({@code //:<port>}) bound to 127.0.0.1 too, and every {@code localhost:<port>} that
     * a service publishes (the gateway's 8080, Mailpit's 8025: addresses a browser on the host opens, such as the
     * links in the mails or the front end's mailbox link) replaced by that service's port here.
     */
    String rewrite(String service, String value) {
        String addresses = replace(serviceAddress, value,
                m -> LOOPBACK + ":" + port(m.group(1), Integer.parseInt(m.group(2))));
        String hostAddresses = replace(HOST_ADDRESS, addresses, m -> {
            String target = published.get(Integer.parseInt(m.group(1)));
            if (target == null) return m.group();
            int colon = target.lastIndexOf(':');
            return LOOPBACK + ":" + port(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
        });
        return replace(OWN_LISTENER, hostAddresses, m -> "//" + LOOPBACK + ":" + port(service, Integer.parseInt(m.group(1))));
    }

    private static String replace(Pattern pattern, String value, Function<Matcher, String> by) {
        Matcher matcher = pattern.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) matcher.appendReplacement(result, Matcher.quoteReplacement(by.apply(matcher)));
        matcher.appendTail(result);
        return result.toString();
    }
}
