package dev.seatbooking.launcher.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One OS process of the platform, started again and again from the same command line and environment, its output
 * appended to its log file. It is killed as a container is (the process and every process it started, SIGKILL) and
 * stopped as compose stops one (its stop signal, then SIGKILL after the grace period).
 */
final class ManagedProcess {

    /** A check of whether the process serves, as its compose health check asks. */
    @FunctionalInterface
    interface Readiness {
        boolean ready() throws Exception;
    }

    /**
     * How to run it.
     *
     * @param environment its whole environment: nothing of the supervisor's is inherited
     * @param stopSignal  what compose's stop sends it (TERM; INT for PostgreSQL, its image's STOPSIGNAL)
     */
    record Spec(String name, List<String> command, Map<String, String> environment, Path workingDirectory, Path log,
                Readiness readiness, String stopSignal, Duration stopGracePeriod) {
    }

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Optional<String> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid")
            .filter(path -> Files.isExecutable(Path.of(path))).findFirst();

    private final Spec spec;
    private volatile Process process;

    ManagedProcess(Spec spec) {
        this.spec = spec;
    }

    String name() {
        return spec.name();
    }

    Path log() {
        return spec.log();
    }

    synchronized void start() throws IOException {
        if (running()) throw new IllegalStateException(spec.name() + " is running already");
        Files.createDirectories(spec.log().getParent());
        Files.createDirectories(spec.workingDirectory());
        List<String> command = new ArrayList<>();
        // In a session of its own, as in a container: a Ctrl-C in the supervisor's terminal reaches the supervisor
        // alone, which then stops the processes in order. (setsid execs the command: the pid stays the process's.)
        if (SETSID.isPresent()) command.add(SETSID.get());
        command.addAll(spec.command());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(spec.workingDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.log().toFile()));
        builder.environment().clear();
        builder.environment().putAll(spec.environment());
        process = builder.start();
    }

    boolean running() {
        Process current = process;
        return current != null && current.isAlive();
    }

    long pid() {
        Process current = process;
        if (current == null) throw new IllegalStateException(spec.name() + " was never started");
        return current.pid();
    }

    /** Waits until its readiness check passes; fails at once, with the end of its log, if it exits meanwhile. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!running()) {
                throw new IllegalStateException(spec.name() + " exited (" + exitValue() + ") before it was ready;"
                        + " the end of " + spec.log() + ":\n" + tail(40));
            }
            try {
                if (spec.readiness().ready()) return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(POLL);
        }
        throw new IllegalStateException(spec.name() + " was not ready within " + timeout + " (last check: " + last
                + "); the end of " + spec.log() + ":\n" + tail(40));
    }

    boolean ready() {
        try {
            return running() && spec.readiness().ready();
        } catch (Exception e) {
            return false;
        }
    }

    /** As {@code docker kill}: SIGKILL to the process and every process it started, and waits until they are gone. */
    void kill() {
        Process current = process;
        if (current == null) return;
        List<ProcessHandle> all = new ArrayList<>(current.descendants().toList());
        all.add(current.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(handle -> awaitExit(handle, Duration.ofSeconds(30)));
    }

    /** As {@code docker stop}: its stop signal, then SIGKILL if it has not ended within the grace period. */
    void stop() {
        stop(spec.stopSignal());
    }

    /** Sends {@code signal} (a name as {@code kill -s} takes it) and waits for the end, SIGKILL after the grace period. */
    void stop(String signal) {
        Process current = process;
        if (current == null || !current.isAlive()) return;
        List<ProcessHandle> descendants = current.descendants().toList();
        signal(current.pid(), signal);
        if (!awaitExit(current.toHandle(), spec.stopGracePeriod())) kill();
        descendants.forEach(handle -> awaitExit(handle, Duration.ofSeconds(30)));
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS)) throw new IllegalStateException("kill -s " + signal + " hung");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling " + pid, e);
        }
    }

    private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        CompletableFuture<ProcessHandle> exit = handle.onExit();
        try {
            exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String exitValue() {
        Process current = process;
        return current == null || current.isAlive() ? "running" : "exit code " + current.exitValue();
    }

    /** The last lines of its log. */
    String tail(int lines) {
        try {
            List<String> all = List.of(new String(Files.readAllBytes(spec.log()), StandardCharsets.UTF_8).split("\n"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
