package dev.seatbooking.testinfra.benchmark;

/** The {@code main} of a benchmark that runs embedded servers in its JVM. */
public final class BenchmarkMain {

    /** A benchmark's work. */
    public interface Body {
        void run() throws Exception;
    }

    private BenchmarkMain() {
    }

    /**
     * Runs the benchmark, prints what failed it, and exits: 0 if it ran through, 1 otherwise (an embedded broker's
     * threads would keep the JVM alive).
     */
    public static void runAndExit(Body body) {
        int status = 1;
        try {
            body.run();
            status = 0;
        } catch (Throwable e) {
            e.printStackTrace();
        } finally {
            System.exit(status);
        }
    }
}
