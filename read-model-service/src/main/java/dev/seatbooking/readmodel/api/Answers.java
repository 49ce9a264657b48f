package dev.seatbooking.readmodel.api;

import dev.seatbooking.contracts.ConsistencyToken;
import dev.seatbooking.readmodel.projection.Tables;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * How queries answer: an ETag made of the serving generation and the versions the view reflects (so a client
 * revalidates with {@code If-None-Match} and gets 304 while nothing changed), Cache-Control, and when the query
 * carried a consistency token, {@code Consistency: reached|stale} and {@code Consistency-Token} with the
 * version the answer reflects.
 */
final class Answers {

    private Answers() {
    }

    /** @param varyBy request headers the answer depends on besides the URL (an order's access code) */
    static <T> ResponseEntity<T> ok(T body, Tables tables, String versions, CacheControl cache, Consistency consistency,
                                    String... varyBy) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .eTag("\"g" + tables.generation().number() + "-" + versions + "\"")
                .cacheControl(consistency.stale() ? CacheControl.noStore() : cache)
                .headers(consistencyHeaders(consistency));
        if (varyBy.length > 0) answer.varyBy(varyBy);
        return answer.body(body);
    }

    /**
     * A short hex fingerprint of the parts of a view that its rows' versions do not cover (payments of a priced
     * order, renamed seat types, the list of conferences), for its ETag.
     */
    static <E> String fingerprint(java.util.Collection<E> items, java.util.function.Function<E, String> part) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        items.forEach(item -> crc.update((part.apply(item) + ";").getBytes()));
        return Long.toHexString(crc.getValue());
    }

    static HttpHeaders consistencyHeaders(Consistency consistency) {
        HttpHeaders headers = new HttpHeaders();
        if (consistency != null && consistency.requested()) {
            headers.set(Consistency.HEADER, consistency.reached() ? "reached" : "stale");
            headers.set(ConsistencyToken.HEADER, consistency.answered().toString());
        }
        return headers;
    }
}
