package dev.seatbooking.gateway;

import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.io.ConnectionEndpoint;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.seatbooking.gateway.GatewayRoutes.MAX_CONNECTIONS;
import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's pool of kept-alive connections to the services, over real sockets to two stub services. */
class GatewayConnectionPoolTest {

    private static final TimeValue KEEP_ALIVE = TimeValue.ofMinutes(1);

    @Test
    void a_service_with_every_connection_idle_keeps_them_when_another_service_needs_a_new_one() throws Exception {
        try (StubService registration = new StubService(); StubService readModel = new StubService();
             PoolingHttpClientConnectionManager pool = GatewayRoutes.connectionManager(new GatewayProperties(
                     Map.of("registration", registration.url(), "read", readModel.url()), Duration.ofSeconds(5),
                     new GatewayProperties.RateLimit(50, 200, 20), ""))) {
            HttpRoute toReadModel = new HttpRoute(HttpHost.create(readModel.url()));
            HttpRoute toRegistration = new HttpRoute(HttpHost.create(registration.url()));
            // As after a burst of read-your-writes queries held by the read model: as many connections as the
            // gateway has request threads, all idle now.
            List<ConnectionEndpoint> held = new ArrayList<>();
            for (int i = 0; i < MAX_CONNECTIONS; i++) held.add(connected(pool, toReadModel));
            held.forEach(endpoint -> pool.release(endpoint, null, KEEP_ALIVE));

            pool.release(connected(pool, toRegistration), null, KEEP_ALIVE);

            assertThat(pool.getStats(toReadModel).getAvailable()).isEqualTo(MAX_CONNECTIONS);
            assertThat(pool.getStats(toRegistration).getAvailable()).isEqualTo(1);
        }
    }

    private static ConnectionEndpoint connected(PoolingHttpClientConnectionManager pool, HttpRoute route)
            throws Exception {
        ConnectionEndpoint endpoint = pool.lease("test", route, Timeout.ofSeconds(5), null).get(Timeout.ofSeconds(5));
        pool.connect(endpoint, TimeValue.ofSeconds(5), HttpClientContext.create());
        return endpoint;
    }
}
