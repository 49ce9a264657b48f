package dev.seatbooking.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running on the platform's data directory by a launcher that was killed (SIGKILL runs no shutdown
 * hook, and the postmaster is a process of its own). Starting on top of it would quietly use that server as it was
 * configured by whatever started it; instead it is asked to stop (SIGTERM: a smart shutdown, which ends at once since
 * its clients died with the launcher) and the new start finds the cluster as the orphan left it, shut down cleanly.
 */
final class OrphanPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanPostmaster.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private OrphanPostmaster() {
    }

    /** Stops the postmaster named by {@code dataDir}'s postmaster.pid, if one still runs; returns whether it did. */
    static boolean stopIfRunning(Path dataDir) throws IOException {
        Optional<ProcessHandle> orphan = running(dataDir);
        if (orphan.isEmpty()) return false;
        ProcessHandle postmaster = orphan.get();
        log.warn("A PostgreSQL (pid {}) still runs on {}, left by a launcher that did not stop: stopping it first",
                postmaster.pid(), dataDir);
        postmaster.destroy();
        try {
            postmaster.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IOException("PostgreSQL " + postmaster.pid() + " on " + dataDir + " did not stop within "
                    + STOP_WAIT.toSeconds() + " s; stop it, then start again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while PostgreSQL " + postmaster.pid() + " stopped", e);
        } catch (ExecutionException e) {
            throw new IOException("Could not wait for PostgreSQL " + postmaster.pid() + " to stop", e);
        }
        return true;
    }

    /**
     * The live postgres process postmaster.pid names. A pid file left by a server that died with its machine may name
     * a pid reused by another program: only a process whose command is {@code postgres} counts.
     */
    static Optional<ProcessHandle> running(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) return Optional.empty();
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) return Optional.empty();
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().strip());
        } catch (NumberFormatException garbled) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres"))
                        .orElse(false));
    }
}
