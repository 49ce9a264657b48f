package dev.seatbooking.readmodel.support;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** How test requests prove access to an order, and from which client address they come. */
public final class OrderAccessRequests {

    public static final String HEADER = "Order-Access-Code";

    private OrderAccessRequests() {
    }

    /** The header with the code {@link Samples#orderPlaced} gave the order. */
    public static RequestPostProcessor codeOf(UUID orderId) {
        return code(Samples.accessCode(orderId));
    }

    public static RequestPostProcessor code(String code) {
        return request -> {
            request.addHeader(HEADER, code);
            return request;
        };
    }

    /** A request from this client address (the throttle counts failed checks per address). */
    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** An address of its own, so a test's failed checks count against no other test. */
    public static String anyAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
