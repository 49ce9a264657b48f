package dev.seatbooking.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A service that fails in the middle of every answer: a raw socket on a loopback port that answers 200 with a chunked
 * body, sends its first chunk, then does what its {@link Failure} says.
 */
final class CutOffService implements AutoCloseable {

    enum Failure {
        /** Closes the connection (FIN), as the kernel does for a process killed with SIGKILL. */
        CLOSE,
        /** Resets the connection (RST). */
        RESET,
        /** Sends nothing more until the gateway gives up and closes the connection. */
        STALL
    }

    private final ServerSocket server;
    private final Failure failure;

    CutOffService(Failure failure) throws IOException {
        this.failure = failure;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::serve);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                readHead(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "a\r\n{\"seats\":[\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (failure == Failure.RESET) socket.setSoLinger(true, 0);
                if (failure == Failure.STALL) socket.getInputStream().transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // closed, or a client that went away: the next one
            }
        }
    }

    /** Reads up to the end of the request's head (the gateway's GET has no body). */
    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int b = in.read(); b != -1; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
            if (matched == end.length) return;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
