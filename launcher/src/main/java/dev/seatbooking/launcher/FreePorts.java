package dev.seatbooking.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A port nothing listens on now (for the embedded servers that need one before they start). */
public final class FreePorts {

    // The OS may offer a port again once its probe socket is closed; ports handed out in this JVM are not
    // bound yet, so remember them: two servers (Kafka's broker and controller, say) never get the same one.
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    public static int next() {
        while (true) {
            int port = probe();
            if (HANDED_OUT.add(port)) return port;
        }
    }

    private static int probe() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
