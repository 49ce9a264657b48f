package dev.seatbooking.readmodel.support;

import dev.seatbooking.readmodel.projection.QueryAdmission;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.awaitility.Awaitility.await;

/**
 * Every place queries have to use the database, taken by queries that each hold a connection until {@link #close()}:
 * the read model as a flood of slow queries leaves it.
 */
public final class TakenPlaces implements AutoCloseable {

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> holders = new ArrayList<>();

    private TakenPlaces() {
    }

    public static TakenPlaces all(QueryAdmission admission, JdbcTemplate jdbc) {
        TakenPlaces taken = new TakenPlaces();
        int places = admission.free();
        for (int i = 0; i < places; i++) {
            taken.holders.add(Thread.ofVirtual().start(() -> admission.admit(
                    () -> jdbc.execute((ConnectionCallback<Void>) connection -> taken.held()))));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.free() == 0);
        return taken;
    }

    private Void held() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        release.countDown();
        for (Thread holder : holders) holder.join(Duration.ofSeconds(10));
    }
}
