package dev.seatbooking.launcher;

import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The launcher's tests start platforms beside each other: the crash test and the fault suite run concurrently with
 * the in-process classes. A start is the heaviest thing they do (a dozen JVMs' or Spring contexts' class loading and
 * JIT, PostgreSQL and a broker, on 2 cores): three at once once took a service of the fault suite past its 3-minute
 * health-check limit. So starts take turns, in the order they come; everything else still runs side by side.
 */
public final class PlatformStarts {

    private static final ReentrantLock TURN = new ReentrantLock(true);

    private PlatformStarts() {
    }

    /** Runs {@code start} once no other platform of this JVM's tests is starting. */
    public static <T> T oneAtATime(Callable<T> start) throws Exception {
        TURN.lockInterruptibly();
        try {
            return start.call();
        } finally {
            TURN.unlock();
        }
    }
}
